using System.Globalization;
using CvM.Messages.Definitions;
using CvM.Messages.RmwDdsCommon;
using CvM.Ros.Dds;
using CvM.Ros.Dds.Types;
using CvM.Ros.Graph;

namespace CvM.Ros.Tests.Dds;

/// <summary>
/// Acceptance 2: the run-time descriptors against idlc's. The C peer compiles idlc's generated .c for the ROS-named
/// IDL and prints each descriptor (m_size, m_align, m_flagset, m_nops and every word of the ops array, offsetof
/// values included), so the comparison is word for word with what idlc emitted.
/// </summary>
public sealed class TopicDescriptorTests
{
    private sealed record IdlcDescriptor(uint Size, uint Align, uint Flags, uint NOps, uint[] Ops);

    private static readonly Lazy<Dictionary<string, IdlcDescriptor>> Idlc = new(() =>
    {
        var result = new Dictionary<string, IdlcDescriptor>(StringComparer.Ordinal);
        foreach (var line in CyclonePeer.Run("descriptors").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = line.Split(' ');
            // type NAME size S align A flags F nops N nwords W ops w0 w1 ...
            uint U(int i) => uint.Parse(t[i], CultureInfo.InvariantCulture);
            var nwords = int.Parse(t[11], CultureInfo.InvariantCulture);
            result[t[1]] = new IdlcDescriptor(U(3), U(5), U(7), U(9), t.Skip(13).Take(nwords).Select(w => uint.Parse(w, CultureInfo.InvariantCulture)).ToArray());
        }
        return result;
    });

    [Theory]
    [InlineData("sensor_msgs/msg/Image")]
    [InlineData("sensor_msgs/msg/CameraInfo")]
    [InlineData("nav_msgs/msg/Odometry")]
    public void Build_RosSchema_OpsEqualIdlc(string rosType)
    {
        var ours = DdsTypeSupport.ForSchema(MessageDefinitions.Get(rosType)).Descriptor;
        var idlc = Idlc.Value[DdsNames.ToDdsType(rosType)];
        Assert.Equal(idlc.Ops, ours.Ops);
        Assert.Equal(idlc.NOps, ours.NOps);
        Assert.Equal(idlc.Size, ours.Size);
        Assert.Equal(idlc.Align, ours.Align);
        Assert.Equal(idlc.Flags & ~TopicDescriptorBuilder.TopicXTypesMetadata, ours.FlagSet);
    }

    [Theory]
    [InlineData(GidSize.Jazzy, "rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_")]
    [InlineData(GidSize.Humble, "humble::rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_")]
    public void SupportFor_DiscoveryInfoOfEachGidLayout_OpsEqualIdlc(GidSize gidSize, string idlcType)
    {
        var support = DiscoveryInfoTypes.SupportFor(gidSize);
        var ours = support.Descriptor;
        var idlc = Idlc.Value[idlcType];
        Assert.Equal("rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_", support.DdsTypeName);
        Assert.Equal(idlc.Ops, ours.Ops);
        Assert.Equal(idlc.NOps, ours.NOps);
        Assert.Equal(idlc.Size, ours.Size);
        Assert.Equal(idlc.Align, ours.Align);
        // Iron and later announce the hash of the 16-byte layout; Humble has no type hashes.
        Assert.Equal(gidSize == GidSize.Jazzy ? MessageDefinitions.Get(DiscoveryInfoTypes.RosType).Rihs01 : null, support.TypeHash);
    }

    [Fact]
    public void WithoutTypeHash_ImageSupport_SameDescriptorNoHash()
    {
        var hashed = DdsTypeSupport.For<CvM.Messages.SensorMsgs.Image>();
        var plain = hashed.WithoutTypeHash();
        Assert.Null(plain.TypeHash);
        Assert.StartsWith("RIHS01_", hashed.TypeHash, StringComparison.Ordinal);
        Assert.Equal(hashed.Descriptor.Ops, plain.Descriptor.Ops);
        Assert.Same(plain, plain.WithoutTypeHash());
        Assert.Same(plain, DdsTypeSupport.ForSchema(MessageDefinitions.Get("sensor_msgs/msg/Image"), null, withTypeHash: false));
    }

    [Fact]
    public void Build_EveryOpKind_OpsEqualIdlc()
    {
        var inner = new DdsStructType("cvm_test::msg::dds_::Inner_",
            [new("a", DdsPrimitive.Float64), new("s", DdsPrimitive.String)]);
        DdsField F(string n, DdsPrimitive e, DdsCollection c = DdsCollection.None, int len = 0, int sb = 0, DdsStructType? nested = null) =>
            new(n, e, c, len, sb, nested);
        var all = new DdsStructType("cvm_test::msg::dds_::AllKinds_",
        [
            F("b", DdsPrimitive.Bool), F("o", DdsPrimitive.Octet), F("u8", DdsPrimitive.UInt8), F("i8", DdsPrimitive.Int8),
            F("i16", DdsPrimitive.Int16), F("u16", DdsPrimitive.UInt16), F("i32", DdsPrimitive.Int32), F("u32", DdsPrimitive.UInt32),
            F("i64", DdsPrimitive.Int64), F("u64", DdsPrimitive.UInt64), F("f", DdsPrimitive.Float32), F("d", DdsPrimitive.Float64),
            F("s", DdsPrimitive.String), F("bs", DdsPrimitive.String, sb: 10),
            F("si", DdsPrimitive.Int32, DdsCollection.Sequence), F("ss", DdsPrimitive.String, DdsCollection.Sequence),
            F("sst", DdsPrimitive.Struct, DdsCollection.Sequence, nested: inner),
            F("bsi", DdsPrimitive.Int32, DdsCollection.BoundedSequence, 5), F("ai", DdsPrimitive.Int32, DdsCollection.Array, 3),
            F("as_", DdsPrimitive.String, DdsCollection.Array, 2), F("ast", DdsPrimitive.Struct, DdsCollection.Array, 2, nested: inner),
            F("abs_", DdsPrimitive.String, DdsCollection.Array, 2, 4), F("sbs", DdsPrimitive.String, DdsCollection.Sequence, sb: 6),
            F("n", DdsPrimitive.Struct, nested: inner), F("sb", DdsPrimitive.Bool, DdsCollection.Sequence),
            F("sf", DdsPrimitive.Float32, DdsCollection.Sequence), F("si8", DdsPrimitive.Int8, DdsCollection.Sequence),
            F("bsst", DdsPrimitive.Struct, DdsCollection.BoundedSequence, 3, nested: inner),
        ]);
        var ours = TopicDescriptorBuilder.Build(all);
        var idlc = Idlc.Value[all.DdsTypeName];
        Assert.Equal(idlc.Ops, ours.Ops);
        Assert.Equal(idlc.NOps, ours.NOps);
        Assert.Equal(idlc.Size, ours.Size);
        Assert.Equal(idlc.Align, ours.Align);
    }

    [Fact]
    public void Build_StructWithoutNestedType_ThrowsArgumentException()
    {
        var bad = new DdsStructType("x::msg::dds_::Bad_", [new DdsField("n", DdsPrimitive.Struct)]);
        Assert.Throws<ArgumentException>(() => TopicDescriptorBuilder.Build(bad));
    }
}

using System.Runtime.InteropServices;
using System.Text;
using CvM.Ros.Dds;

namespace CvM.Ros.Tests.Dds;

/// <summary>
/// Reads Cyclone's built-in discovery topics (DCPSParticipant, DCPSPublication, DCPSSubscription) through libddsc
/// directly (function pointers, independent of the binding's reader path): what a remote ROS process learns about our
/// participant and endpoints, USER_DATA included. Test-only.
/// </summary>
internal static unsafe class BuiltinTopics
{
    public sealed record Entry(string Guid, string? TopicName, string? TypeName, string UserData);

    private const int MinPseudoHandle = 0x7fff0000;
    public const int DcpsParticipant = MinPseudoHandle + 1, DcpsPublication = MinPseudoHandle + 3, DcpsSubscription = MinPseudoHandle + 4;

    private static readonly IntPtr Lib = NativeLibrary.Load(CycloneLibrary.EnsureLoaded().LoadedFrom);
    private static readonly delegate* unmanaged<int, int, IntPtr, IntPtr, int> CreateReader =
        (delegate* unmanaged<int, int, IntPtr, IntPtr, int>)NativeLibrary.GetExport(Lib, "dds_create_reader");
    private static readonly delegate* unmanaged<int, IntPtr*, byte*, nuint, uint, int> Take =
        (delegate* unmanaged<int, IntPtr*, byte*, nuint, uint, int>)NativeLibrary.GetExport(Lib, "dds_take");
    private static readonly delegate* unmanaged<int, IntPtr*, int, int> ReturnLoan =
        (delegate* unmanaged<int, IntPtr*, int, int>)NativeLibrary.GetExport(Lib, "dds_return_loan");
    private static readonly delegate* unmanaged<IntPtr, IntPtr*, nuint*, byte> QgetUserdata =
        (delegate* unmanaged<IntPtr, IntPtr*, nuint*, byte>)NativeLibrary.GetExport(Lib, "dds_qget_userdata");
    private static readonly delegate* unmanaged<IntPtr, void> Free =
        (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(Lib, "dds_free");
    private static readonly delegate* unmanaged<int, int> Delete =
        (delegate* unmanaged<int, int>)NativeLibrary.GetExport(Lib, "dds_delete");

    /// <summary>Polls the built-in <paramref name="topic"/> from <paramref name="observer"/> until <paramref name="match"/> finds an entry.</summary>
    public static Entry? WaitFor(DdsParticipant observer, int topic, Func<Entry, bool> match, TimeSpan timeout)
    {
        var participantEntity = observer.Handle.Entity;
        var reader = CreateReader(participantEntity, topic, IntPtr.Zero, IntPtr.Zero);
        if (reader < 0) throw new InvalidOperationException($"built-in reader failed: {reader}");
        try
        {
            var end = DateTime.UtcNow + timeout;
            const int max = 32;
            var buf = stackalloc IntPtr[max];
            var infos = stackalloc byte[max * 64];
            do
            {
                buf[0] = IntPtr.Zero;
                var n = Take(reader, buf, infos, max, max);
                for (var i = 0; i < n; i++)
                {
                    if (infos[i * 64 + 12] == 0) continue; // valid_data
                    var e = Read((byte*)buf[i], topic);
                    if (match(e)) { ReturnLoan(reader, buf, n); return e; }
                }
                if (n > 0) ReturnLoan(reader, buf, n);
                Thread.Sleep(20);
            } while (DateTime.UtcNow < end);
            return null;
        }
        finally
        {
            Delete(reader);
        }
    }

    private static Entry Read(byte* sample, int topic)
    {
        var guid = Convert.ToHexStringLower(new ReadOnlySpan<byte>(sample, 16));
        string? topicName = null, typeName = null;
        IntPtr qos;
        if (topic == DcpsParticipant)
        {
            qos = *(IntPtr*)(sample + 16);
        }
        else
        {
            topicName = Marshal.PtrToStringUTF8(*(IntPtr*)(sample + 40));
            typeName = Marshal.PtrToStringUTF8(*(IntPtr*)(sample + 48));
            qos = *(IntPtr*)(sample + 56);
        }
        IntPtr value;
        nuint size;
        var userData = "";
        if (qos != IntPtr.Zero && QgetUserdata(qos, &value, &size) != 0 && value != IntPtr.Zero)
        {
            userData = Encoding.UTF8.GetString(new ReadOnlySpan<byte>((void*)value, (int)size));
            Free(value);
        }
        return new Entry(guid, topicName, typeName, userData);
    }
}

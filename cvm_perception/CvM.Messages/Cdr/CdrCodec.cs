using System.Buffers;

namespace CvM.Messages.Cdr;

/// <summary>Serializes and deserializes whole CDR payloads (encapsulation header included).</summary>
public static class CdrCodec
{
    /// <summary>Decodes one message from <paramref name="payload"/>; trailing padding bytes are ignored.</summary>
    /// <exception cref="CdrException">The payload is not a valid <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> payload) where T : IRosMessage<T>
    {
        var reader = new CdrReader(payload);
        return T.Read(ref reader);
    }

    /// <summary>Encodes <paramref name="message"/> (little endian, header <c>00 01 00 00</c>) into <paramref name="output"/>.</summary>
    public static void Serialize<T>(T message, IBufferWriter<byte> output) where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new CdrWriter(output);
        message.Write(ref writer);
        writer.Flush();
    }

    /// <summary>Encodes <paramref name="message"/> into a new array owned by the caller.</summary>
    public static byte[] SerializeToArray<T>(T message) where T : IRosMessage<T>
    {
        using var buffer = new PooledBufferWriter();
        Serialize(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}

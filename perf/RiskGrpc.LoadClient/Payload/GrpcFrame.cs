using System.Buffers.Binary;
using Google.Protobuf;

namespace RiskGrpc.LoadClient.Payload;

/// <summary>
/// The gRPC length-prefixed message as it travels in an HTTP/2 DATA frame: a 1-byte compressed flag (0), a 4-byte
/// big-endian message length, then the protobuf bytes (gRPC over HTTP/2, "Length-Prefixed-Message"). Raw HTTP/2
/// tools such as h2load and nghttp post it as the request body.
/// </summary>
internal static class GrpcFrame
{
    /// <summary>Size of the prefix.</summary>
    public const int PrefixLength = 5;

    /// <summary>Serializes <paramref name="message"/> uncompressed, with its 5-byte prefix.</summary>
    public static byte[] Frame(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        var frame = new byte[PrefixLength + size];
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        message.WriteTo(frame.AsSpan(PrefixLength));
        return frame;
    }

    /// <summary>Checks the prefix of <paramref name="frame"/> and returns the message bytes it announces.</summary>
    /// <exception cref="FormatException">Compressed flag set, or the length does not match the bytes that follow.</exception>
    public static ReadOnlyMemory<byte> Unframe(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        if (span.Length < PrefixLength)
        {
            throw new FormatException($"a gRPC frame needs {PrefixLength} prefix bytes, got {span.Length}");
        }

        if (span[0] != 0)
        {
            throw new FormatException($"compressed flag is {span[0]}; only uncompressed frames are supported");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(span.Slice(1, 4));
        if (length != span.Length - PrefixLength)
        {
            throw new FormatException($"prefix announces {length} bytes but {span.Length - PrefixLength} follow");
        }

        return frame[PrefixLength..];
    }
}

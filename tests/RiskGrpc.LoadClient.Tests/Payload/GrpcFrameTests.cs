using System.Buffers.Binary;
using Grpc.Health.V1;
using RiskGrpc.Contracts.V1;
using RiskGrpc.LoadClient.Payload;
using RiskGrpc.LoadClient.Unary;

namespace RiskGrpc.LoadClient.Tests.Payload;

public sealed class GrpcFrameTests
{
    [Fact]
    public void Frame_ComputeMetrics252_HasFiveBytePrefixAndRoundTrips()
    {
        // Arrange
        var request = ReturnSeries.Request(252, ReturnSeries.DefaultSeed);

        // Act
        var frame = GrpcFrame.Frame(request);

        // Assert: flag 0, big-endian length, then the message. 252 packed doubles = tag + 2-byte varint length + 2016 bytes.
        Assert.Equal(0, frame[0]);
        Assert.Equal((uint)(frame.Length - 5), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1, 4)));
        Assert.Equal(5 + 1 + 2 + (252 * 8), frame.Length);
        var parsed = ComputeMetricsRequest.Parser.ParseFrom(GrpcFrame.Unframe(frame).Span);
        Assert.Equal(request, parsed);
        Assert.Equal(252, parsed.Returns.Count);
    }

    [Fact]
    public void Frame_EmptyHealthCheckRequest_IsFiveZeroBytes()
    {
        var frame = GrpcFrame.Frame(new HealthCheckRequest());

        Assert.Equal(new byte[5], frame);
    }

    [Fact]
    public void Unframe_LengthMismatch_Throws()
    {
        byte[] frame = [0, 0, 0, 0, 9, 1, 2];

        Assert.Throws<FormatException>(() => GrpcFrame.Unframe(frame));
    }

    [Fact]
    public void Unframe_CompressedFlag_Throws()
    {
        byte[] frame = [1, 0, 0, 0, 0];

        Assert.Throws<FormatException>(() => GrpcFrame.Unframe(frame));
    }

    [Fact]
    public void ReturnSeries_SameSeed_SameSeries()
    {
        Assert.Equal(ReturnSeries.Daily(252, 42), ReturnSeries.Daily(252, 42));
        Assert.NotEqual(ReturnSeries.Daily(252, 42), ReturnSeries.Daily(252, 43));
        Assert.All(ReturnSeries.Daily(252, 42), r => Assert.InRange(r, -0.1, 0.1));
    }
}

using CsCheck;
using RiskGrpc.Engine.Live.Windows;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class DrawdownQueueTests
{
    [Fact]
    public void Evaluate_Empty_IsNaN()
    {
        var sut = new DrawdownQueue(4);

        sut.Evaluate(out var max, out var current);

        Assert.True(double.IsNaN(max));
        Assert.True(double.IsNaN(current));
    }

    [Fact]
    public void Evaluate_TotalLossInWindow_IsMinusOne()
    {
        var sut = new DrawdownQueue(3);
        sut.Push(0.1);
        sut.Push(-1);
        sut.Push(0.5);

        sut.Evaluate(out var max, out var current);

        Tolerance.Close(-1, max);
        Tolerance.Close(-1, current);
    }

    [Fact]
    public void PushPop_AnySlidingWindow_EqualsWealthPeakDefinition()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Double[-0.5, 0.5].Array[1, 300])
            .Sample((window, values) =>
            {
                var sut = new DrawdownQueue(window);
                for (var i = 0; i < values.Length; i++)
                {
                    if (sut.Count == window)
                    {
                        sut.Pop();
                    }

                    sut.Push(values[i]);
                    var start = Math.Max(0, i + 1 - window);
                    var expected = ScalarRiskReference.Drawdowns(values.AsSpan(start, i + 1 - start));
                    sut.Evaluate(out var max, out var current);
                    Tolerance.Close(expected.Max, max, label: "max");
                    Tolerance.Close(expected.Current, current, label: "current");
                }
            });
    }

    [Fact]
    public void Push_WhenFull_Throws()
    {
        var sut = new DrawdownQueue(1);
        sut.Push(0.1);

        Assert.Throws<InvalidOperationException>(() => sut.Push(0.2));
    }
}

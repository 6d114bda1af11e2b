namespace RiskGrpc.Kernel;

/// <summary>
/// One drawdown episode: wealth leaves its peak at <see cref="PeakIndex"/> (−1 when underwater from row 0), bottoms at
/// <see cref="ValleyIndex"/> with depth <see cref="Depth"/> (≤ 0) and regains the peak at <see cref="RecoveryIndex"/>
/// (−1 when not recovered). <see cref="Length"/> counts periods from peak to recovery or to the last row.
/// </summary>
public readonly record struct DrawdownEpisode(int PeakIndex, int ValleyIndex, int RecoveryIndex, double Depth, int Length);

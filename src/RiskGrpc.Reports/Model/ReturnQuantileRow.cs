namespace RiskGrpc.Reports.Model;

/// <summary>Box statistics of returns compounded over one horizon (daily, weekly, monthly, quarterly, yearly).</summary>
public sealed record ReturnQuantileRow(string Horizon, int Count, double Min, double Q1, double Median, double Q3, double Max);

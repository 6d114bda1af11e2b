using RiskGrpc.FakePortfolioOptimizer;

// Runs the fake until Ctrl+C or SIGTERM: `dotnet run --project tests/RiskGrpc.FakePortfolioOptimizer -- --urls http://127.0.0.1:5099`
// and optionally `--fault KIND` (a FakeFaultKind name) to apply one fault to every request.
var url = Option(args, "--urls") ?? "http://127.0.0.1:5099";
var server = await FakePortfolioOptimizerServer.StartAsync(url);
if (Option(args, "--fault") is { } fault)
{
    var kind = Enum.Parse<FakeFaultKind>(fault, ignoreCase: true);
    server.Faults = _ => new FakeFault(kind, TimeSpan.FromSeconds(1));
}

Console.WriteLine($"Fake Portfolio Optimizer listening: set RiskGrpc:Cloud:BaseUrl={server.BaseAddress}");
await server.WaitForShutdownAsync();
await server.DisposeAsync();

static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, RiskGrpc.Benchmarks.BenchmarkConfig.Create());

return RiskGrpc.Cli.CliApplication.Run(args, Console.Out, Console.Error);

using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>risk (--returns FILE | --prices FILE) --weights FILE [--alpha 0.05] [--format table|json]</c>: every scenario risk
/// measure of the weights (an <c>asset,weight</c> CSV; absent assets weigh 0) over the rows without missing values.
/// Exit codes: 0 success, 2 bad input.
/// </summary>
internal sealed class RiskCommand : ICliCommand
{
    private static readonly HashSet<string> ValueOptions = ["--prices", "--returns", "--weights", "--alpha", "--format"];

    public string Name => "risk";

    public string Summary => "evaluate every scenario risk measure (cvar, cdar, mad, ...) of given weights";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var a = new OptimizationCliArguments(args, ValueOptions, new HashSet<string>());
            var format = a.Format("table", "json");

            var returns = OptimizationCliInput.Returns(a) ?? throw OptimizationCliArguments.Bad("give --returns FILE or --prices FILE");
            var (names, values) = OptimizationCliInput.Vector(a.Required("--weights"));
            var unknown = names.FirstOrDefault(n => !returns.Assets.Contains(n));
            if (unknown is not null)
            {
                throw OptimizationCliArguments.Bad($"--weights: unknown asset '{unknown}'");
            }

            var weights = returns.Assets.Select(x => Array.IndexOf(names, x) is var i and >= 0 ? values[i] : 0).ToArray();
            var scenarios = returns.CompleteRows();
            var risk = ScenarioRisk.EvaluateAll(scenarios.Values, weights, a.Number("--alpha") ?? ScenarioRisk.DefaultAlpha);
            if (format == "json")
            {
                using var stream = new MemoryStream();
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    w.WriteNumber("scenarios", scenarios.RowCount);
                    OptimizationCliOutput.RiskObject(w, risk);
                    w.WriteEndObject();
                }

                stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            }
            else
            {
                foreach (var (m, v) in risk)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{RiskMeasureInfo.Name(m),-18} {v,14:G10}"));
                }
            }

            return 0;
        }
        catch (OptimizationException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ex.Kind == OptimizationErrorKind.InvalidInput ? 2 : 1;
        }
    }
}

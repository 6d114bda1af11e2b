namespace RiskGrpc.Reports.Html;

/// <summary>
/// The page's only style sheet and script, inlined. System font stack (nothing fetched), light/dark themes through
/// CSS variables (prefers-color-scheme, overridden by the toggle's data-theme), print rules that keep every block on
/// one page, and a phone layout.
/// </summary>
internal static class ReportStyles
{
    private const string Light = "--bg:#ffffff;--panel:#f6f8fa;--fg:#1f2328;--muted:#59636e;--grid:#e4e8ee;--rule:#d1d9e0;--s1:#0969da;--s2:#8c959f;--s3:#cf222e;--s4:#1a7f37;--pos:#1a7f37;--neg:#cf222e;";
    private const string Dark = "--bg:#0d1117;--panel:#151b23;--fg:#e6edf3;--muted:#9198a1;--grid:#262c36;--rule:#3d444d;--s1:#4493f8;--s2:#9198a1;--s3:#ff7b72;--s4:#3fb950;--pos:#3fb950;--neg:#f85149;";

    /// <summary>The style sheet.</summary>
    public const string Css =
        ":root{" + Light + "--font:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",\"Noto Sans\",\"Liberation Sans\",Arial,sans-serif;color-scheme:light}" +
        "@media (prefers-color-scheme:dark){:root:not([data-theme=light]){" + Dark + "color-scheme:dark}}" +
        ":root[data-theme=dark]{" + Dark + "color-scheme:dark}" +
        "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 var(--font)}" +
        "header{padding:20px 24px 8px;border-bottom:1px solid var(--rule)}h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:0 0 8px}" +
        "h3{font-size:14px;margin:0 0 6px;font-weight:600}.meta{color:var(--muted);font-size:12.5px;margin:0;display:flex;flex-wrap:wrap;row-gap:2px}.meta span{margin-right:14px;white-space:nowrap}" +
        "#theme{float:right;border:1px solid var(--rule);background:var(--panel);color:var(--fg);border-radius:6px;padding:4px 10px;font:inherit;cursor:pointer}" +
        ".notes{margin:12px 24px 0;padding:8px 12px;border-left:3px solid var(--s3);background:var(--panel);font-size:13px}.notes p{margin:2px 0}" +
        ".layout{display:grid;grid-template-columns:minmax(0,1.55fr) minmax(0,1fr);gap:20px;padding:16px 24px}" +
        ".block{margin:0 0 18px;padding:12px;background:var(--panel);border:1px solid var(--rule);border-radius:8px;break-inside:avoid;page-break-inside:avoid}" +
        "figcaption{color:var(--muted);font-size:11.5px;margin-top:4px}.note{color:var(--muted);font-style:italic;font-size:12.5px}" +
        ".chart{display:block;width:100%;height:auto;font:11px var(--font)}.chart text{fill:var(--muted)}.ylab text{text-anchor:end}.xlab text{text-anchor:middle}" +
        ".grid line{stroke:var(--grid);stroke-width:1}.grid line.zero{stroke:var(--muted)}.xlab line{stroke:var(--muted)}" +
        ".s1{color:var(--s1)}.s2{color:var(--s2)}.s3{color:var(--s3)}.s4{color:var(--s4)}" +
        ".chart path{fill:none;stroke:currentColor;stroke-width:1.3;stroke-linejoin:round}.chart path.area{fill:currentColor;fill-opacity:.28}" +
        ".chart path.bars{stroke-width:1}.chart path.band{fill:currentColor;fill-opacity:.16;stroke:none}" +
        ".chart line.ref,.legend line{stroke:currentColor;stroke-width:1.6}.chart line.ref{stroke-dasharray:5 3}.legend text{fill:var(--fg)}" +
        ".bar rect{fill:currentColor;fill-opacity:.85}.box rect{fill:currentColor;fill-opacity:.3;stroke:currentColor}.box line{stroke:currentColor}" +
        ".box line.median{stroke-width:2}.box circle{fill:currentColor;fill-opacity:.6}.span{fill:var(--neg);fill-opacity:.13}" +
        ".hit rect{fill:transparent}.hit rect:hover{fill:var(--fg);fill-opacity:.07}" +
        ".heat .pos{fill:var(--pos)}.heat .neg{fill:var(--neg)}.heat text{fill:var(--fg);text-anchor:middle;font-size:10px;pointer-events:none}" +
        "table{border-collapse:collapse;width:100%;font-size:12.5px;font-variant-numeric:tabular-nums}th,td{padding:3px 6px;text-align:right;white-space:nowrap}" +
        "th:first-child,td:first-child{text-align:left;white-space:normal}thead th{border-bottom:1px solid var(--rule);color:var(--muted);font-weight:600}" +
        "tbody.group td{border-top:1px solid var(--rule)}tbody.group tr+tr td{border-top:0}td.neg{color:var(--neg)}" +
        ".scroll{overflow-x:auto}.monthly td,.monthly th{padding:3px 4px}" +
        "@media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr);padding:12px}header{padding:14px 12px 6px}.notes{margin:10px 12px 0}}" +
        "@page{margin:12mm}" +
        "@media print{#theme{display:none}body{font-size:11px}.layout{display:block;padding:0}.block{border-color:#ccc}" +
        ".hit{display:none}header{padding:0 0 6px}.notes{margin:8px 0}}";

    /// <summary>The theme toggle: flips data-theme between light and dark, starting from what the page shows now.</summary>
    public const string Script =
        "(function(){var b=document.getElementById('theme');if(!b)return;b.addEventListener('click',function(){" +
        "var r=document.documentElement,t=r.getAttribute('data-theme');" +
        "var dark=t?t==='dark':window.matchMedia('(prefers-color-scheme: dark)').matches;" +
        "r.setAttribute('data-theme',dark?'light':'dark');});})();";
}

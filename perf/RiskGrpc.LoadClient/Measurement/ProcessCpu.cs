using System.Diagnostics;
using System.Globalization;

namespace RiskGrpc.LoadClient.Measurement;

/// <summary>
/// CPU time (user + system) consumed by a process, so a run can report CPU per call for the server and the load
/// client. CPU per call barely moves when other work shares the machine, unlike requests per second.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Linux's USER_HZ, the unit of utime/stime in <c>/proc/PID/stat</c> (100 on every mainstream kernel).</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>CPU time of this process.</summary>
    public static TimeSpan Self()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>CPU time of process <paramref name="pid"/> from <c>/proc/PID/stat</c> (10 ms resolution), or null when unreadable.</summary>
    public static TimeSpan? OfPid(int pid)
    {
        try
        {
            return ParseStat(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// utime + stime from a <c>/proc/PID/stat</c> line. The command name (field 2) may hold spaces and parentheses, so
    /// fields are counted from the last ')': utime and stime are fields 14 and 15, i.e. the 12th and 13th after it.
    /// </summary>
    public static TimeSpan? ParseStat(string stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13 ||
            !long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var utime) ||
            !long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var stime))
        {
            return null;
        }

        return TimeSpan.FromSeconds((utime + stime) / ClockTicksPerSecond);
    }
}

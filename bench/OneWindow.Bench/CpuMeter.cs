using System.Diagnostics;
using System.Globalization;

namespace OneWindow.Bench;

/// <summary>
/// Where the machine's CPU went during a measured window, per operation: the whole machine (busy time from
/// /proc/stat), this harness (the load generator, or the raw baseline's own client and, for SQLite, its
/// database engine), PostgreSQL's processes when they run on this machine, and the server. On a machine
/// shared by all of them, this says what a request costs and which part a faster server could save.
/// Linux only; elsewhere the machine and database figures are 0.
/// </summary>
public static class CpuMeter
{
    // /proc reports in clock ticks of 1/100 s on Linux.
    private const double MsPerTick = 10;

    public sealed record Reading(double MachineBusyMs, double MachineTotalMs, double HarnessMs, double DatabaseMs, double ServerMs);

    public static Reading Read(ServerProcess? server)
    {
        var (busy, total) = Machine();
        return new Reading(busy, total, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, Postgres(),
            server?.CpuTime().TotalMilliseconds ?? 0);
    }

    public static CpuUse Between(Reading before, Reading after, long operations)
    {
        double Per(double ms) => operations == 0 ? 0 : Math.Round(ms / operations, 3);
        var window = after.MachineTotalMs - before.MachineTotalMs;
        return new CpuUse(
            window <= 0 ? 0 : Math.Round((after.MachineBusyMs - before.MachineBusyMs) / window, 3),
            Per(after.MachineBusyMs - before.MachineBusyMs), Per(after.HarnessMs - before.HarnessMs),
            Per(after.DatabaseMs - before.DatabaseMs), Per(after.ServerMs - before.ServerMs));
    }

    /// <summary>Busy and total CPU time of all cores since boot (the first line of /proc/stat).</summary>
    private static (double Busy, double Total) Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            var idle = fields[3] + fields[4];
            var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
            return (busy * MsPerTick, (busy + idle) * MsPerTick);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>CPU time of every PostgreSQL process on this machine (postmaster, backends, WAL writer…).</summary>
    private static double Postgres() =>
        Directory.Exists("/proc") ? CpuMsOf(Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])), name => name == "postgres") : 0;

    /// <summary>
    /// The CPU time (user + system) of the processes or threads in <paramref name="dirs"/> (/proc/PID or
    /// /proc/PID/task/TID) whose name (comm) is <paramref name="named"/>.
    /// </summary>
    public static double CpuMsOf(IEnumerable<string> dirs, Func<string, bool> named)
    {
        long ticks = 0;
        foreach (var dir in dirs)
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (!named(stat[(open + 1)..close]))
                {
                    continue;
                }

                // After the name: state is field 3, utime 14 and stime 15.
                var fields = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // It ended while being read.
            }
        }

        return ticks * MsPerTick;
    }
}

/// <summary>CPU per operation in ms (all cores), and the share of the machine's CPU that was busy.</summary>
public sealed record CpuUse(double MachineBusyShare, double MachineMs, double HarnessMs, double DatabaseMs, double ServerMs);

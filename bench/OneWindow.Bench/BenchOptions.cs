using System.Globalization;

namespace OneWindow.Bench;

public sealed record BenchOptions(
    string Provider, string? Postgres, IReadOnlyList<int> ClientCounts, int Seconds, int Warmup, IReadOnlyList<string> Scenarios, string? Output, string? ServerPath, int CatalogItems)
{
    /// <summary>The client count of the current pass (the first of --clients until the harness moves on).</summary>
    public int Clients { get; init; } = ClientCounts[0];

    public const string Help = """
        OneWindow.Bench: load benchmarks with a baseline measured in the same run.

        What it does:
          1. creates a fresh database (a SQLite file in a temp folder, or a new database on a PostgreSQL server);
          2. measures the raw baseline: plain ADO.NET single-row INSERT commits of a comparable row, with the
             same durability settings as the platform (SQLite WAL + synchronous=FULL; PostgreSQL defaults),
             from the same number of concurrent clients;
          3. starts the real server (src/OneWindow, built with this project) as its own process on a free
             loopback port, with the demo data, and records its idle memory (goal: < 250 MB);
          4. drives each scenario over HTTP with N concurrent clients for T seconds after a warm-up, and
             reports throughput, latency percentiles (p50/p90/p99/max), errors, and the ratio to the baseline;
          5. records the server's peak memory and prints one JSON document (also to --out).

        Usage:
          dotnet run -c Release --project bench/OneWindow.Bench -- [options]

        Options:
          --scenario NAME     due-date | sign-in | catalog-search | submit | bundle | lifecycle | verify | issue | queue | all (default: all; repeatable)
          --provider NAME     sqlite | postgres (default: sqlite)
          --postgres CS       a PostgreSQL server where the bench may create a database
                              (default: environment ONEWINDOW_BENCH_POSTGRES or ONEWINDOW_TEST_POSTGRES)
          --clients N[,M...]  concurrent clients; a list runs the baseline and every scenario at each count
                              (default: 16; issue 4's case figures use --clients 16,64)
          --seconds T         measured seconds per scenario and for the baseline (default: 10)
          --warmup T          minimum warm-up seconds per scenario, not measured (default: 20); warm-up then
                      goes on until the server's tiered JIT has settled (its worker under 3 % of a core
                      for 5 s; at most 180 s): on two busy cores it recompiles hot code for 20-40 s, and a
                      city's server runs for weeks. Each scenario reports the warm-up it took.
          --catalog-items N   catalogue size for catalog-search (default: 1000)
          --out FILE          also write the JSON report to FILE (e.g. bench/results/sqlite.json)
          --server PATH       the server's OneWindow.dll (default: the one built beside this harness)
          --help              this text

        Scenarios:
          due-date   GET /api/v1/calendar/due-date with random start dates (2021–2025) and 1–60 working days
          sign-in    POST /api/v1/auth/login as the demo staff accounts in turn (PBKDF2 password check)
          catalog-search  GET /api/v1/items?q= with common keywords over a catalogue grown to --catalog-items
                     items through the import API; compared with the same LIKE query over plain ADO.NET
          submit     POST /api/v1/cases: the demo citizen applies online for 个体工商户设立登记 (form, two
                     materials, a fresh Idempotency-Key); target ≥ 50% of the raw commit rate, p99 < 50 ms at 16
          lifecycle  one case end to end: submit → the clerk accepts → the approver approves → the clerk
                     completes (four requests, about a dozen rows with audit and outbox); counted per case
          queue      the service hall: a hall with 50 general counters and their officers (opened through the
                     admin API); --clients ticket takers fill the queue for T s (tickets/s, p99), then the 50
                     counters press call next + finish at once until it is empty (calls/s, call-next p50/p99,
                     no ticket twice), while a probe counter times call → the display's long poll showing it
          work-order POST /api/v1/work-orders: the demo agent takes a call (fresh Idempotency-Key); compared with raw
                     commits and the thin HTTP write
          work-order-get  GET /api/v1/work-orders/{id}: the agent reads a closed order of the history (suggest's baseline)
          suggest    GET /api/v1/work-orders/{id}/suggestions of that order over 10,000 closed orders (the server
                     is started with --Hotline:DemoHistoryOrders 10000); compared with work-order-get of the same run
          callback-list  POST /api/v1/callbacks/lists over 100,000 served tickets of one day (copied into the database
                     from a demo ticket): time, and the server's memory before, after and at its peak; then the same
                     list again (all already listed); compared with an indexed count of the same rows
          dashboard  the server's generate verb fills a year (ONEWINDOW_BENCH_DASHBOARD_CASES cases, default 10,000,000; a fifth as
                     many hall tickets, a tenth as many ratings; rows/s), then GET /api/v1/reports/overview over that year
                     (p50/p95, and with a region and department) beside a raw COUNT of the same cases and the raw scan of their figures
          verify     POST /api/v1/licenses/verify with the 扫码亮证 string of a licence issued during set-up
                     (decode, signature, key lookup, register status); compared with the raw ECDSA P-256
                     verify rate on every core
        """;

    public static BenchOptions? Parse(string[] args)
    {
        string provider = "sqlite", scenario = "all";
        string? postgres = Environment.GetEnvironmentVariable("ONEWINDOW_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("ONEWINDOW_TEST_POSTGRES");
        string? output = null, server = null;
        int seconds = 10, warmup = 20, catalogItems = 1000;
        List<int> clients = [16];
        var scenarios = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--help" or "-h": return null;
                case "--provider": provider = Next(); break;
                case "--postgres": postgres = Next(); break;
                case "--clients": clients = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]; break;
                case "--seconds": seconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scenario": scenarios.Add(Next()); break;
                case "--out": output = Next(); break;
                case "--catalog-items": catalogItems = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--server": server = Next(); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return null;
            }
        }

        if (provider is not ("sqlite" or "postgres") || clients.Count == 0 || clients.Any(c => c < 1) || seconds < 1 || warmup < 0)
        {
            Console.Error.WriteLine("bad --provider, --clients, --seconds or --warmup");
            return null;
        }

        if (provider == "postgres" && string.IsNullOrWhiteSpace(postgres))
        {
            Console.Error.WriteLine("--provider postgres needs --postgres CS (or ONEWINDOW_BENCH_POSTGRES)");
            return null;
        }

        if (scenarios.Count == 0 || scenarios.Contains(scenario))
        {
            scenarios = [.. OneWindow.Bench.Scenarios.Names];
        }

        return new BenchOptions(provider, postgres, clients, seconds, warmup, scenarios, output, server, catalogItems);
    }
}

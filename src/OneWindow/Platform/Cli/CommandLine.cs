using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Platform.Cli;

/// <summary>
/// Administrative verbs: <c>OneWindow VERB ...</c> runs one task against the configured database and exits.
/// Without a verb the platform serves HTTP.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        一窗通办 OneWindow

        用法 / usage:
          OneWindow [--urls URL] [--no-demo] [--Database:Provider sqlite|postgres] [--ConnectionStrings:Default CS]
              启动平台（默认 SQLite ./data/onewindow.db，http://127.0.0.1:5080，含演示数据）
          OneWindow create-admin --user NAME --password PASSWORD [--name 显示名] [--region 371600]
              创建管理员账户（全新安装用 --no-demo 时的第一个管理员）
          OneWindow calendar show YEAR          显示某年的节假日与调休上班日
          OneWindow calendar import FILE.json   导入或替换一年的安排（格式同 Platform/ReferenceData/holidays）
          OneWindow generate [--cases 10000000] [--tickets 2000000] [--ratings 1000000] [--seed 1] [--from yyyy-MM-dd] [--to yyyy-MM-dd]
              生成一年的模拟业务数据（办件、排队号、评价）并同时计算统计汇总，用于压测和大屏演示；默认为截至昨天的一年
          OneWindow migrate                      只应用数据库结构变更
          OneWindow schema-script sqlite|postgres 输出 EF 模型对应的建表脚本（开发用）
          OneWindow probe [URL]                  容器健康检查：URL（默认 http://127.0.0.1:8080/health/live）2xx 时退出码 0
        """;

    private static readonly HashSet<string> Verbs = ["create-admin", "calendar", "generate", "migrate", "schema-script", "probe", "help", "--help", "-h"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>Removes the flags that are not configuration keys, so the configuration parser never sees them.</summary>
    public static (string[] Args, bool Demo) SplitFlags(string[] args) =>
        (args.Where(a => a != "--no-demo").ToArray(), !args.Contains("--no-demo"));

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var verb = args[0];
        if (verb is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (verb == "probe")
        {
            // The container's HEALTHCHECK (the runtime image has no curl): 0 when the URL answers 2xx within 5 s.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                return (await http.GetAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080/health/live")).IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return 1;
            }
        }

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        if (verb == "schema-script")
        {
            Console.WriteLine(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GenerateCreateScript(db.Database));
            return 0;
        }

        // generate fills the demo city (its catalogue, halls and counters) unless --no-demo; other verbs never seed.
        await app.PrepareDatabaseAsync(demo: verb == "generate" && app.Configuration.GetValue("Demo:Enabled", true));
        var code = verb switch
        {
            "migrate" => Migrated(),
            "create-admin" => await CreateAdminAsync(services, args),
            "calendar" => await CalendarAsync(services, db, args),
            "generate" => await GenerateAsync(services, db, args),
            _ => Unknown(),
        };

        // A verb runs no hosted services: what it audited is chained now, not at the server's next start (ADR 0018).
        await services.GetRequiredService<Audit.AuditSequencer>().SealAllAsync(CancellationToken.None);
        return code;

        static int Migrated()
        {
            Console.WriteLine("数据库结构已是最新。");
            return 0;
        }

        static int Unknown()
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        var user = Option(args, "--user");
        var password = Option(args, "--password");
        if (user is null || password is null)
        {
            Console.Error.WriteLine("需要 --user 和 --password。");
            return 2;
        }

        var region = Option(args, "--region") ?? DemoCity.City;
        var result = await services.GetRequiredService<IStaffAccountRegistry>().EnsureAsync(
            new StaffAccount(user, Option(args, "--name") ?? "系统管理员", region, null, [Roles.Admin]), password);
        if (!result.IsSuccess)
        {
            foreach (var (field, messages) in result.Error!.Fields ?? new Dictionary<string, string[]>())
            {
                Console.Error.WriteLine($"{field}: {string.Join("；", messages)}");
            }

            return 1;
        }

        Console.WriteLine(result.Value ? $"已创建管理员 {user}。" : $"用户名 {user} 已存在，未做修改。");
        return result.Value ? 0 : 1;
    }

    /// <summary>
    /// <c>generate</c>: each module's part of a generated year in order (cases, tickets, ratings), with a progress bar, then the
    /// rollups counted on the way; the last line is the summary as JSON (the bench reads it).
    /// </summary>
    private static readonly System.Text.Json.JsonSerializerOptions SummaryJson =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<int> GenerateAsync(IServiceProvider services, AppDbContext db, string[] args)
    {
        var today = services.GetRequiredService<TimeProvider>().TodayInChina();
        long Count(string name, long fallback) => Option(args, name) is { } v && long.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : fallback;
        DateOnly Day(string name, DateOnly fallback) => Option(args, name) is { } v && DateOnly.TryParseExact(v, "yyyy-MM-dd", out var d) ? d : fallback;
        var to = Day("--to", today.AddDays(-1));
        var plan = new GenerationPlan(Count("--cases", 10_000_000), Count("--tickets", 2_000_000), Count("--ratings", 1_000_000), (int)Count("--seed", 1),
            Day("--from", to.AddYears(-1).AddDays(1)), to, (int)Math.Clamp(Count("--batch", 50_000), 1_000, 500_000));
        if (plan.From > plan.To)
        {
            Console.Error.WriteLine("--from 不能晚于 --to。");
            return 2;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One connection for the whole run; on SQLite with a large page cache (the indexes of ten million rows outgrow the default
        // 2 MB at once, and every insert would read its index pages from disk).
        await db.Database.OpenConnectionAsync();
        if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000000");
        }

        var facts = services.GetRequiredService<IGeneratedFacts>();
        var run = new GenerationRun(db, plan, facts, Console.Error);
        var parts = new List<object>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        long rows = 0;
        foreach (var generator in services.GetServices<IDataGenerator>().OrderBy(g => g.Order))
        {
            var t = System.Diagnostics.Stopwatch.GetTimestamp();
            var made = await generator.GenerateAsync(run, CancellationToken.None);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(t).TotalSeconds;
            rows += made;
            parts.Add(new { what = generator.Label, rows = made, seconds = Math.Round(seconds, 1), rowsPerSecond = Math.Round(made / Math.Max(0.001, seconds)) });
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var rollups = await facts.SaveAsync(db, CancellationToken.None);
        var total = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.Error.WriteLine($"已生成 {rows:N0} 行（{plan.From:yyyy-MM-dd} 至 {plan.To:yyyy-MM-dd}），统计汇总 {rollups:N0} 行，用时 {total:N0} 秒。");
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            from = plan.From, to = plan.To, rows, rollupRows = rollups, seconds = Math.Round(total, 1), rowsPerSecond = Math.Round(rows / Math.Max(0.001, total)), parts,
        }, SummaryJson));
        return 0;
    }

    private static async Task<int> CalendarAsync(IServiceProvider services, AppDbContext db, string[] args)
    {
        var calendar = services.GetRequiredService<WorkingDayCalendar>();
        if (args.Length >= 3 && args[1] == "show" && int.TryParse(args[2], CultureInfo.InvariantCulture, out var year))
        {
            var doc = await calendar.GetYearAsync(db, year, CancellationToken.None);
            if (doc is null)
            {
                Console.Error.WriteLine($"{year} 年的安排尚未导入。");
                return 1;
            }

            foreach (var day in doc.Days)
            {
                Console.WriteLine($"{day.Date:yyyy-MM-dd} {(day.IsOffDay ? "放假" : "上班")} {day.Name}");
            }

            return 0;
        }

        if (args.Length >= 3 && args[1] == "import")
        {
            CalendarYearDocument doc;
            try
            {
                await using var file = File.OpenRead(args[2]);
                doc = WorkingDayCalendar.ParseDocument(file);
            }
            catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"无法读取 {args[2]}：{ex.Message}");
                return 1;
            }

            var saved = await calendar.SaveYearAsync(db, services.GetRequiredService<AuditTrail>(), services.GetRequiredService<ICurrentUser>(), doc.Year, doc with { Version = null }, CancellationToken.None);
            if (!saved.IsSuccess)
            {
                Console.Error.WriteLine(saved.Error!.Title);
                foreach (var (field, messages) in saved.Error.Fields ?? new Dictionary<string, string[]>())
                {
                    Console.Error.WriteLine($"  {field}: {string.Join("；", messages)}");
                }

                return 1;
            }

            Console.WriteLine($"已导入 {doc.Year} 年：{doc.Days.Count(d => d.IsOffDay)} 个放假日，{doc.Days.Count(d => !d.IsOffDay)} 个调休上班日。");
            return 0;
        }

        Console.Error.WriteLine(Usage);
        return 2;
    }
}

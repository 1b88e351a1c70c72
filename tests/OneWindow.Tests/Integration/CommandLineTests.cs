using System.Diagnostics;

namespace OneWindow.Tests.Integration;

/// <summary>The administrative verbs, run as a person would: the real executable in its own process.</summary>
public abstract class CommandLineTests(AppFixture fixture)
{
    private static async Task<(int Code, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneWindow.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // A clean install in Production must protect its key ring with a certificate (ADR 0016).
        info.Environment["DataProtection__CertificatePath"] = TestCertificates.PfxPath;
        info.Environment["DataProtection__CertificatePassword"] = TestCertificates.Password;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task A_clean_install_has_no_demo_accounts_and_gets_its_first_admin_from_the_command_line()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var (code, output) = await RunAsync(database, "--no-demo", "create-admin", "--user", "root", "--password", "Sup3r-secret", "--name", "首任管理员");
        Assert.True(code == 0, output);
        Assert.Contains("已创建管理员 root", output, StringComparison.Ordinal);

        var (again, againOutput) = await RunAsync(database, "create-admin", "--user", "root", "--password", "Sup3r-secret");
        Assert.Equal(1, again);
        Assert.Contains("已存在", againOutput, StringComparison.Ordinal);

        // The verb ran no hosted sequencer, yet what it audited (the new account) is chained before it exits.
        var options = new DbContextOptionsBuilder<OneWindow.Platform.Data.AppDbContext>();
        new OneWindow.Platform.Data.DatabaseSettings(database.Kind, database.ConnectionString).Configure(options);
        await using (var db = new OneWindow.Platform.Data.AppDbContext(options.Options))
        {
            Assert.True(await db.Set<OneWindow.Platform.Audit.AuditEntry>().AnyAsync());
            Assert.False(await db.Set<OneWindow.Platform.Audit.AuditEntry>().AnyAsync(e => e.Sequence == null));
        }

        await using var app = new TestApp(database, demo: false);
        var login = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "OneWindow#2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var root = await app.SignedIn("root", "Sup3r-secret");
        var me = await Http.Json(await root.GetAsync("/api/v1/auth/me"));
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_weak_admin_password_is_refused_in_chinese()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var (code, output) = await RunAsync(database, "create-admin", "--user", "root", "--password", "short");
        Assert.Equal(1, code);
        Assert.Contains("密码至少 8 位", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_year_is_imported_from_a_file_and_shown()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var file = Path.Combine(Path.GetTempPath(), $"onewindow-2027-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"year": 2027, "source": "测试", "days": [
              {"date": "2027-01-01", "name": "元旦", "isOffDay": true},
              {"date": "2027-02-06", "name": "春节", "isOffDay": false}
            ]}
            """);
        var (code, output) = await RunAsync(database, "--no-demo", "calendar", "import", file);
        Assert.True(code == 0, output);
        Assert.Contains("已导入 2027 年：1 个放假日，1 个调休上班日", output, StringComparison.Ordinal);

        var (showCode, shown) = await RunAsync(database, "calendar", "show", "2027");
        Assert.Equal(0, showCode);
        Assert.Contains("2027-02-06 上班 春节", shown, StringComparison.Ordinal);

        await using var app = new TestApp(database, demo: false);
        var due = await Http.Json(await app.Anonymous().GetAsync("/api/v1/calendar/due-date?from=2026-12-31&workingDays=1"));
        Assert.Equal("2027-01-04", due.GetProperty("dueDate").GetString());
        File.Delete(file);
    }

    [Fact]
    public async Task Help_explains_the_verbs()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var (code, output) = await RunAsync(database, "help");
        Assert.Equal(0, code);
        Assert.Contains("create-admin", output, StringComparison.Ordinal);
        Assert.Contains("calendar import", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 25 (ADR 0026 decision 6): the generator fills a quarter with cases, hall tickets and ratings through the bulk path,
    /// with a progress bar, and the rollups it counts on the way equal plain SQL counts over the rows it wrote.
    /// </summary>
    [Fact]
    public async Task The_generator_fills_a_quarter_and_the_dashboard_figures_equal_plain_counts_over_its_rows()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var (code, output) = await RunAsync(database, "generate", "--cases", "4000", "--tickets", "600", "--ratings", "500", "--from", "2026-01-05", "--to", "2026-03-31",
            "--batch", "1000");
        Assert.True(code == 0, output);
        Assert.Contains("办件 [##############################] 100%", output, StringComparison.Ordinal);
        Assert.Contains("行/秒", output, StringComparison.Ordinal);
        var summary = JsonDocument.Parse(output.Split('\n').Last(l => l.StartsWith('{'))).RootElement;
        Assert.Equal(5100, summary.GetProperty("rows").GetInt64());

        await using var app = new TestApp(database);
        var figures = await Http.Json(await (await app.SignedIn("supervisor")).GetAsync("/api/v1/reports/overview?from=2026-01-05&to=2026-03-31"));
        (string, object)[] period = [("from", RawSql.Day(database, new DateOnly(2026, 1, 5))), ("to", RawSql.Day(database, new DateOnly(2026, 3, 31)))];
        var cases = (await RawSql.RowsAsync(app,
            "SELECT COUNT(*), SUM(CASE WHEN channel = 0 THEN 1 ELSE 0 END) FROM cases WHERE submitted_by_id = 'generator' AND accepted_on >= @from AND accepted_on <= @to", period))[0];
        Assert.InRange(RawSql.Number(cases[0]), 3800, 4000); // 1.5 % declined
        Assert.Equal(RawSql.Number(cases[0]), figures.GetProperty("received").GetInt64());
        Assert.Equal(Math.Round((double)RawSql.Number(cases[1]) / RawSql.Number(cases[0]), 4), figures.GetProperty("onlineShare").GetDouble());
        var completed = (await RawSql.RowsAsync(app, "SELECT working_days_taken FROM cases WHERE completed_on >= @from AND completed_on <= @to", period))
            .Select(r => RawSql.Number(r[0])).Order().ToList();
        Assert.Equal(completed.Count, figures.GetProperty("completed").GetInt64());
        Assert.Equal(completed[(int)Math.Ceiling(0.9 * completed.Count) - 1], figures.GetProperty("p90WorkingDays").GetInt64());
        (string, object)[] instants = [("start", RawSql.Instant(database, new DateOnly(2026, 1, 5))), ("end", RawSql.Instant(database, new DateOnly(2026, 4, 1)))];
        var ratings = (await RawSql.RowsAsync(app, "SELECT COUNT(*), SUM(CASE WHEN level >= 4 THEN 1 ELSE 0 END) FROM ratings WHERE created_at >= @start AND created_at < @end", instants))[0];
        Assert.Equal(500, RawSql.Number(ratings[0]));
        Assert.Equal(Math.Round((double)RawSql.Number(ratings[1]) / 500, 4), figures.GetProperty("satisfaction").GetDouble());
        var tickets = RawSql.Number((await RawSql.RowsAsync(app, "SELECT COUNT(*) FROM queue_tickets WHERE first_called_at >= @start AND first_called_at < @end", instants))[0][0]);
        Assert.Equal(600, tickets);
        Assert.True(figures.GetProperty("avgWaitMinutes").GetDouble() > 0);
    }
}

public sealed class CommandLineTestsOnSqlite(SqliteFixture fixture) : CommandLineTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CommandLineTestsOnPostgres(PostgresFixture fixture) : CommandLineTests(fixture), IClassFixture<PostgresFixture>;

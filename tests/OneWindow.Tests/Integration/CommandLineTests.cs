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
        Assert.Contains("Admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
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
}

public sealed class CommandLineTestsOnSqlite(SqliteFixture fixture) : CommandLineTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CommandLineTestsOnPostgres(PostgresFixture fixture) : CommandLineTests(fixture), IClassFixture<PostgresFixture>;

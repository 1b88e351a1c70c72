using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Infrastructure;

/// <summary>A database for one test host: a fresh SQLite file, or a fresh database on the throwaway PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    private readonly Func<Task> _drop;

    public string Provider { get; }

    public string ConnectionString { get; }

    public DatabaseProvider Kind => Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Set by scripts/test.sh: a server where tests may create and drop databases.</summary>
    public const string PostgresVariable = "ONEWINDOW_TEST_POSTGRES";

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "onewindow-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder, "onewindow.db")}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
                }

                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (a connection string to a server the tests may create databases on). Run scripts/test.sh, which starts one.");
        }

        var name = "ow_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("postgres", builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => new(_drop());
}

/// <summary>The real application in-process (WebApplicationFactory) on a given database.</summary>
public sealed class TestApp(TestDatabase database, bool demo = true, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    public string NotificationLog { get; } = Path.Combine(Path.GetTempPath(), "onewindow-tests", Guid.NewGuid().ToString("N") + ".log");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Notifications:LogPath", NotificationLog);
        builder.UseSetting("Outbox:PollMilliseconds", "100");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // As a real deployment: the key ring is encrypted with a certificate that is not in the database (ADR 0016).
        builder.UseSetting("DataProtection:CertificatePath", TestCertificates.PfxPath);
        builder.UseSetting("DataProtection:CertificatePassword", TestCertificates.Password);
        // Every test client comes from one address: the throttles are lifted unless a test sets them (ThrottleTests).
        foreach (var name in new[] { "login", "register", "sms-code", "ticket", "check-in", "verify", "track" })
        {
            builder.UseSetting($"Throttles:{name}:PermitLimit", "1000000");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>A client without an account (on a real Kestrel port when <see cref="WebApplicationFactory{T}.ClientOptions"/> names it).</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client carrying the bearer token of a demo (or any) account.</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = "OneWindow#2026")
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        var api = Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!.Token);
        return api;
    }

    private sealed record TokenBody(string Token);
}

/// <summary>One shared application per provider for tests that only read or add distinct data.</summary>
public abstract class AppFixture(string provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestApp App { get; private set; } = null!;

    public string Provider => provider;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        App = new TestApp(_database);
        _ = App.Server; // start now: migrations and demo data
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database!.DisposeAsync();
    }

    /// <summary>A fresh database and host for tests that break things on purpose (tamper, lock-out, restart).</summary>
    public Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreateAsync(provider);
}

public sealed class SqliteFixture() : AppFixture("sqlite");

public sealed class PostgresFixture() : AppFixture("postgres");

using System.Data.Common;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The thin HTTP baseline (issue 19): the least an ASP.NET Core endpoint can do for a write of the platform's shape, on
// the same machine, database and settings, driven by the same load generator. It authenticates the platform's own
// bearer tokens (the platform's Data Protection key ring, read from the same database and decrypted with the same
// certificate), reads a JSON body, and writes N rows in one durable commit over plain ADO.NET; or, read-only, looks one
// row up. It takes the platform's configuration keys, so the harness starts it with the same arguments.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var provider = builder.Configuration["Database:Provider"] ?? "sqlite";
var sqlite = !string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase);
var connectionString = builder.Configuration.GetConnectionString("Default") ?? "Data Source=./data/onewindow.db";

builder.Services.AddDbContext<KeyStore>(o =>
{
    if (sqlite)
    {
        o.UseSqlite(connectionString);
    }
    else
    {
        o.UseNpgsql(connectionString);
    }
});
var protection = builder.Services.AddDataProtection().SetApplicationName("OneWindow").PersistKeysToDbContext<KeyStore>()
    // The platform makes and rotates the keys; this process only reads them.
    .DisableAutomaticKeyGeneration();
if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
{
    protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["DataProtection:CertificatePassword"]));
}

builder.Services.AddAuthentication(IdentityConstants.BearerScheme).AddBearerToken(IdentityConstants.BearerScheme);
builder.Services.AddAuthorization();
if (!sqlite)
{
    builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
}

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

await using (var setup = await OpenAsync(app.Services, sqlite, connectionString))
{
    await using var create = setup.CreateCommand();
    create.CommandText = "CREATE TABLE IF NOT EXISTS thin_rows (id VARCHAR(40) PRIMARY KEY, region_code VARCHAR(12) NOT NULL, created_at BIGINT NOT NULL, payload TEXT NOT NULL)";
    await create.ExecuteNonQueryAsync();
}

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

// N rows (the number a platform write commits: its business rows, audit entry, outbox message …) in one transaction.
app.MapPost("/thin/write/{rows:int}", async (int rows, JsonElement body, IServiceProvider services) =>
{
    var payload = body.GetRawText();
    await using var connection = await OpenAsync(services, sqlite, connectionString);
    await using var tx = await connection.BeginTransactionAsync();
    for (var i = 0; i < rows; i++)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO thin_rows (id, region_code, created_at, payload) VALUES (@id, '371600', @at, @payload)";
        Add(insert, "@id", Guid.CreateVersion7().ToString());
        Add(insert, "@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Add(insert, "@payload", payload);
        await insert.ExecuteNonQueryAsync();
    }

    await tx.CommitAsync();
    return Results.Ok(new { written = rows });
}).RequireAuthorization();

// The read-only variant: anonymous like licence verification, a body of the same size, one indexed look-up.
app.MapPost("/thin/read", async (JsonElement body, IServiceProvider services) =>
{
    await using var connection = await OpenAsync(services, sqlite, connectionString);
    await using var select = connection.CreateCommand();
    select.CommandText = "SELECT count(*) FROM thin_rows WHERE id = @id";
    Add(select, "@id", body.TryGetProperty("payload", out var id) ? id.ToString()[..Math.Min(40, id.ToString().Length)] : "");
    return Results.Ok(new { found = Convert.ToInt64(await select.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) });
});

await app.RunAsync();

static void Add(DbCommand command, string name, object value)
{
    var p = command.CreateParameter();
    p.ParameterName = name;
    p.Value = value;
    command.Parameters.Add(p);
}

// The platform's settings: SQLite in WAL with synchronous=FULL and a busy timeout; PostgreSQL from a pooled data source.
static async Task<DbConnection> OpenAsync(IServiceProvider services, bool sqlite, string connectionString)
{
    if (!sqlite)
    {
        return await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
    }

    var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var pragmas = connection.CreateCommand();
    pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
    await pragmas.ExecuteNonQueryAsync();
    return connection;
}

/// <summary>The platform's key ring table, read through Data Protection's EF store.</summary>
internal sealed class KeyStore(DbContextOptions<KeyStore> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b) => b.Entity<DataProtectionKey>(k =>
    {
        k.ToTable("data_protection_keys");
        k.Property(x => x.Id).HasColumnName("id");
        k.Property(x => x.FriendlyName).HasColumnName("friendly_name");
        k.Property(x => x.Xml).HasColumnName("xml");
    });
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneWindow.Platform.Data;

/// <summary>
/// The model as SQLite stores it, for its migrations (<c>Platform/Data/Migrations/Sqlite</c>). The application reads and
/// writes through <see cref="AppDbContext"/>; this type exists so that each provider has its own migrations and model
/// snapshot in the one assembly (EF Core: "using multiple context types").
/// </summary>
public sealed class SqliteSchemaContext(DbContextOptions<SqliteSchemaContext> options) : AppDbContext(options);

/// <summary>The model as PostgreSQL stores it, for its migrations (<c>Platform/Data/Migrations/Postgres</c>).</summary>
public sealed class PostgresSchemaContext(DbContextOptions<PostgresSchemaContext> options) : AppDbContext(options);

/// <summary>How the EF tools (<c>dotnet ef migrations add … --context SqliteSchemaContext</c>) make the context: no database is needed.</summary>
internal sealed class SqliteSchemaDesign : IDesignTimeDbContextFactory<SqliteSchemaContext>
{
    public SqliteSchemaContext CreateDbContext(string[] args) => new(SchemaContexts.Options<SqliteSchemaContext>(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

internal sealed class PostgresSchemaDesign : IDesignTimeDbContextFactory<PostgresSchemaContext>
{
    public PostgresSchemaContext CreateDbContext(string[] args) => new(SchemaContexts.Options<PostgresSchemaContext>(DatabaseProvider.Postgres, "Host=localhost;Database=design-time"));
}

internal static class SchemaContexts
{
    public static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        new DatabaseSettings(provider, connectionString).Configure(options);
        return options.Options;
    }

    /// <summary>The provider's schema context over the same database as <paramref name="settings"/>.</summary>
    public static AppDbContext For(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteSchemaContext(Options<SqliteSchemaContext>(settings.Provider, settings.ConnectionString)),
        _ => new PostgresSchemaContext(Options<PostgresSchemaContext>(settings.Provider, settings.ConnectionString)),
    };
}

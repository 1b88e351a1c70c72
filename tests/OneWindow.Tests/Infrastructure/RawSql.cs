using System.Data.Common;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Infrastructure;

/// <summary>Plain SQL over the raw tables, beside the application: the independent count a figure must equal.</summary>
public static class RawSql
{
    public static async Task<List<object?[]>> RowsAsync(TestApp app, string sql, params (string Name, object Value)[] parameters)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Opened and closed through EF: the context goes back to its pool with its connection as it found it.
        await db.Database.OpenConnectionAsync();
        try
        {
            return await ReadAsync(db.Database.GetDbConnection(), sql, parameters);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<object?[]>> ReadAsync(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static long Number(object? v) => v is null ? 0 : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as the provider stores it (SQLite: text; PostgreSQL: date).</summary>
    public static object Day(TestDatabase database, DateOnly d) =>
        database.Provider == "sqlite" ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : d;

    /// <summary>The instant a Beijing date begins, as the provider stores timestamps (SQLite: microseconds since 1970; PostgreSQL: timestamptz).</summary>
    public static object Instant(TestDatabase database, DateOnly d) =>
        database.Provider == "sqlite" ? Timestamps.ToUnixMicros(Timestamps.AtChinaTime(d)) : Timestamps.AtChinaTime(d);
}

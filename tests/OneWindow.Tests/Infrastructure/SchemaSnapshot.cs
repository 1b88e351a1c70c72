using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneWindow.Tests.Infrastructure;

/// <summary>Tables → sorted descriptions of columns (name, type, nullability) and indexes, read from the live database.</summary>
public static class SchemaSnapshot
{
    public static async Task<Dictionary<string, List<string>>> ReadAsync(TestDatabase database)
    {
        var result = new Dictionary<string, List<string>>();
        if (database.Provider == "sqlite")
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in await Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            {
                var rows = await Strings(connection, $"SELECT name || ' ' || type || ' ' || \"notnull\" || ' pk' || pk FROM pragma_table_info('{table}')");
                rows.AddRange(await Strings(connection, $"SELECT 'index ' || name || ' unique' || \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"));
                rows.Sort(StringComparer.Ordinal);
                result[table] = rows;
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            foreach (var table in await Strings(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            {
                var rows = await Strings(connection,
                    $"SELECT column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' || coalesce(identity_generation, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'");
                rows.AddRange(await Strings(connection, $"SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}'"));
                rows.Sort(StringComparer.Ordinal);
                result[table] = rows;
            }
        }

        return result;
    }

    /// <summary>The schema's own tables and their columns and indexes, without the migration tools' bookkeeping.</summary>
    public static Dictionary<string, List<string>> Tables(Dictionary<string, List<string>> snapshot) =>
        snapshot.Where(t => t.Key is not ("schema_migrations" or "__EFMigrationsHistory" or "__EFMigrationsLock")).OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(t => t.Key, t => t.Value);

    private static async Task<List<string>> Strings(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}

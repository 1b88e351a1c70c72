using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneWindow.Platform.Data;

/// <summary>New rows of one mapped entity type, for <see cref="ModelRows.WriteAsync"/>.</summary>
public sealed record RowSet(Type Type, IReadOnlyList<object> Rows)
{
    public static RowSet Of<T>(IEnumerable<T> rows)
        where T : class => new(typeof(T), [.. rows]);
}

/// <summary>
/// Inserts new rows of a mapped entity type without change tracking, for the group-commit write paths
/// (ADR 0015) where EF's per-entity tracking and SQL generation cost more than the rows themselves.
/// The statement comes from the EF model (table, columns, each property's type mapping and value
/// converter), so the mapping stays in one place: a property added to the entity is written here too.
/// Rows are written on the context's connection inside its current transaction: on PostgreSQL as one
/// batch (one round trip), on SQLite through one prepared
/// statement per entity type stepped per row. Store-generated integer keys are left to the database;
/// every other column is written as the entity holds it.
/// </summary>
public static class ModelRows
{
    private sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);

    private sealed record Shape(string Sql, Column[] Columns, string Table);

    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Shape> Shapes = new();

    private static readonly string[] Names = [.. Enumerable.Range(0, 200).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))];

    /// <summary>
    /// Inserts the row sets in order inside the context's current transaction. On PostgreSQL all of it is one round trip.
    /// </summary>
    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<RowSet> sets, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("ModelRows writes inside the caller's transaction");
        var connection = transaction.Connection!;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Each statement to run: its text and how to bind it (parameters are created by the command).
        var statements = sets.SelectMany(set =>
            {
                var shape = Shapes.GetOrAdd((db.Model, set.Type), key => ShapeOf(db, key.Type));
                return set.Rows.Select(row => (shape.Sql, Bind: (Action<DbParameterCollection>)(target =>
                {
                    for (var c = 0; c < shape.Columns.Length; c++)
                    {
                        var column = shape.Columns[c];
                        target.Add(column.Mapping.CreateParameter(command, Names[c], column.Getter.GetClrValueUsingContainingEntity(row), column.Property.IsNullable));
                    }
                })));
            })
            .ToList();
        if (statements.Count == 0)
        {
            return;
        }

        if (connection.CanCreateBatch)
        {
            // PostgreSQL: everything in one round trip.
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (sql, bind) in statements)
            {
                var next = batch.CreateBatchCommand();
                next.CommandText = sql;
                bind(next.Parameters);
                batch.BatchCommands.Add(next);
            }

            await batch.ExecuteNonQueryAsync(ct);
            return;
        }

        // SQLite (in process): the command keeps its prepared statement while the text stays the same,
        // so the rows of one set are bound and stepped on one preparation.
        foreach (var (sql, bind) in statements)
        {
            if (command.CommandText != sql)
            {
                command.CommandText = sql;
            }

            command.Parameters.Clear();
            bind(command.Parameters);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Bulk load (the generator): on PostgreSQL one binary COPY of the rows, each value converted as the model says and written
    /// as its column's store type; on SQLite the prepared-statement path of <see cref="WriteAsync"/>. Inside the caller's transaction.
    /// </summary>
    public static async Task BulkAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("ModelRows writes inside the caller's transaction");
        var shape = Shapes.GetOrAdd((db.Model, typeof(T)), key => ShapeOf(db, key.Type));
        if (transaction.Connection is not Npgsql.NpgsqlConnection npgsql)
        {
            await StepAsync(transaction, shape, rows, ct);
            return;
        }

        await using var copy = await npgsql.BeginBinaryImportAsync(
            $"COPY {shape.Table} ({string.Join(", ", shape.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in shape.Columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, column.Mapping.StoreTypeNameBase, ct);
                }
            }
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// SQLite: one prepared statement stepped per row, its parameters made once — each by its column's type mapping from the
    /// first non-null value (so a TEXT Guid stays TEXT) — and only their values set after that.
    /// </summary>
    private static async Task StepAsync<T>(DbTransaction transaction, Shape shape, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = shape.Sql;
        var configured = new bool[shape.Columns.Length];
        for (var c = 0; c < shape.Columns.Length; c++)
        {
            command.Parameters.Add(shape.Columns[c].Mapping.CreateParameter(command, Names[c], null, true));
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < shape.Columns.Length; c++)
            {
                var column = shape.Columns[c];
                var value = column.Getter.GetClrValueUsingContainingEntity(row);
                if (value is null)
                {
                    command.Parameters[c].Value = DBNull.Value;
                }
                else if (!configured[c])
                {
                    command.Parameters[c] = column.Mapping.CreateParameter(command, Names[c], value, column.Property.IsNullable);
                    configured[c] = true;
                }
                else
                {
                    command.Parameters[c].Value = column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static Shape ShapeOf(AppDbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped");
        if (entity.GetComplexProperties().Any() || entity.GetTableName() is null)
        {
            throw new NotSupportedException($"{type.Name}: ModelRows writes plain table-mapped entities only");
        }

        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .Select(p => p.IsShadowProperty()
                ? throw new NotSupportedException($"{type.Name}.{p.Name}: ModelRows cannot write shadow properties")
                : new Column(sql.DelimitIdentifier(p.GetColumnName(table)!), p, p.GetGetter(), p.GetRelationalTypeMapping()))
            .ToArray();
        if (columns.Length > Names.Length)
        {
            throw new NotSupportedException($"{type.Name}: more than {Names.Length} columns");
        }

        var values = string.Join(", ", Names.Take(columns.Length));
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        return new Shape($"INSERT INTO {name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({values})", columns, name);
    }
}

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

/// <summary>A statement run after the rows, its values bound as @p0, @p1, … (plain values: strings, numbers).</summary>
public sealed record RowStatement(string Sql, params object?[] Values);

/// <summary>
/// Inserts new rows of a mapped entity type without change tracking, for the group-commit write paths
/// (ADR 0015) where EF's per-entity tracking and SQL generation cost more than the rows themselves.
/// The statement comes from the EF model (table, columns, each property's type mapping and value
/// converter), so the mapping stays in one place: a property added to the entity is written here too.
/// Rows are written on the context's connection inside its current transaction: on PostgreSQL as one
/// batch (one round trip, with any statements that follow them), on SQLite through one prepared
/// statement per entity type stepped per row. Store-generated integer keys are left to the database;
/// every other column is written as the entity holds it.
/// </summary>
public static class ModelRows
{
    private sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);

    private sealed record Shape(string Sql, Column[] Columns);

    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Shape> Shapes = new();

    public static Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class => WriteAsync(db, [RowSet.Of(rows)], [], ct);

    /// <summary>
    /// Inserts the row sets in order, then runs the statements (e.g. an audit head's update). On
    /// PostgreSQL all of it is one round trip.
    /// </summary>
    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<RowSet> sets, IReadOnlyList<RowStatement> then, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("ModelRows writes inside the caller's transaction");
        var connection = transaction.Connection!;
        var work = sets.Where(s => s.Rows.Count > 0).Select(s => (Shape: Shapes.GetOrAdd((db.Model, s.Type), key => ShapeOf(db, key.Type)), s.Rows)).ToList();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (connection.CanCreateBatch)
        {
            // PostgreSQL: every row and statement in one round trip.
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (shape, rows) in work)
            {
                foreach (var row in rows)
                {
                    var insert = batch.CreateBatchCommand();
                    insert.CommandText = shape.Sql;
                    for (var c = 0; c < shape.Columns.Length; c++)
                    {
                        insert.Parameters.Add(Parameter(command, shape.Columns[c], c, row));
                    }

                    batch.BatchCommands.Add(insert);
                }
            }

            foreach (var statement in then)
            {
                var next = batch.CreateBatchCommand();
                next.CommandText = statement.Sql;
                for (var i = 0; i < statement.Values.Length; i++)
                {
                    next.Parameters.Add(Parameter(command, i, statement.Values[i]));
                }

                batch.BatchCommands.Add(next);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        // SQLite (in process): one statement per row set, prepared once, bound and stepped per row.
        foreach (var (shape, rows) in work)
        {
            command.CommandText = shape.Sql;
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var c = 0; c < shape.Columns.Length; c++)
                {
                    command.Parameters.Add(Parameter(command, shape.Columns[c], c, row));
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }

        foreach (var statement in then)
        {
            command.CommandText = statement.Sql;
            command.Parameters.Clear();
            for (var i = 0; i < statement.Values.Length; i++)
            {
                command.Parameters.Add(Parameter(command, i, statement.Values[i]));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter Parameter(DbCommand command, int index, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + index.ToString(CultureInfo.InvariantCulture);
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    private static DbParameter Parameter(DbCommand command, Column column, int index, object row) =>
        column.Mapping.CreateParameter(command, "@p" + index.ToString(CultureInfo.InvariantCulture), column.Getter.GetClrValueUsingContainingEntity(row), column.Property.IsNullable);

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
        var values = string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
        return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({values})", columns);
    }
}

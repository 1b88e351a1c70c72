using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneWindow.Platform.Data;

/// <summary>
/// Inserts new rows of a mapped entity type without change tracking, for the group-commit write paths
/// (ADR 0015) where EF's per-entity tracking and SQL generation cost more than the rows themselves.
/// The statement comes from the EF model (table, columns, each property's type mapping and value
/// converter), so the mapping stays in one place: a property added to the entity is written here too.
/// Rows are written on the context's connection inside its current transaction: on PostgreSQL as one
/// batch (one round trip), on SQLite through one prepared statement stepped per row. Store-generated integer keys are left to the database;
/// every other column is written as the entity holds it.
/// </summary>
public static class ModelRows
{
    private sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);

    private sealed record Shape(string Sql, Column[] Columns);

    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Shape> Shapes = new();

    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("ModelRows writes inside the caller's transaction");
        var connection = transaction.Connection!;
        var shape = Shapes.GetOrAdd((db.Model, typeof(T)), key => ShapeOf(db, key.Type));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (connection.CanCreateBatch)
        {
            // PostgreSQL: every row in one round trip.
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
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

            await batch.ExecuteNonQueryAsync(ct);
            return;
        }

        // SQLite (in process): one statement, prepared once, bound and stepped per row.
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

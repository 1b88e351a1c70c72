using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OneWindow.Platform.Data;

/// <summary>
/// A compiled EF query (<c>EF.CompileAsyncQuery</c>) for a query the hot paths run on every request or
/// delivery: translated once instead of on each execution. A compiled query is bound to the model it
/// was first run against, and one process can hold two (a test run uses both providers), so it is kept
/// per model.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    // The look-up on every call allocates nothing; only the first call per model builds the query.
    public TQuery For(DbContext db) =>
        _byModel.TryGetValue(db.Model, out var query) ? query : _byModel.GetValue(db.Model, _ => compile());
}

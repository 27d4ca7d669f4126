using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SecurityGroups.Domain.Persistence;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) kept per EF model. EF Core binds a compiled query to the model of the
/// first context that runs it and refuses any other ("executed with a different model than it was compiled against").
/// Each provider builds its own model, so a process that hosts servers on SQLite and on PostgreSQL (the functional
/// tests on PostgreSQL, where the SQLite-only classes run beside them) needs one compilation per model. A server runs
/// one provider: after its first call, <see cref="For"/> is one reference comparison.
/// </summary>
internal sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();
    private Bound? _last;

    /// <summary>The query compiled for <paramref name="db"/>'s model (compiled on first use with that model).</summary>
    public TQuery For(DbContext db)
    {
        var model = db.Model;
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Model, model))
        {
            return last.Query;
        }

        var query = _byModel.GetValue(model, _ => compile());
        Volatile.Write(ref _last, new Bound(model, query));
        return query;
    }

    private sealed record Bound(IModel Model, TQuery Query);
}

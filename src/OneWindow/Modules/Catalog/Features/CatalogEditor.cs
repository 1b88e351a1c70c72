using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Catalog.Features;

internal sealed record RowProblem(int Row, string Code, IReadOnlyDictionary<string, string[]> Errors);

internal sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<RowProblem> Rejected);

/// <summary>
/// Creating, editing, publishing and importing items. A published version is immutable: editing
/// writes the next version as a draft; publishing it supersedes the current one. Import publishes
/// every changed item in one transaction, or nothing at all.
/// </summary>
internal sealed class CatalogEditor(
    AppDbContext db, IDepartmentDirectory departments, DivisionRegistry divisions, FileStore files,
    AuditTrail audit, ICurrentUser user, TimeProvider clock, CatalogIndex index)
{
    public bool CanEdit(string departmentCode) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.DepartmentHead) && user.DepartmentCode == departmentCode);

    private static Error NoRight(string department) =>
        Error.Forbidden("catalog:forbidden", $"只有系统管理员或 {department} 的部门负责人可以维护该事项");

    /// <summary>Checks a definition: the pure rules, plus what only the database knows (departments, files).</summary>
    public async Task<FieldErrors> CheckAsync(ItemDocument doc, CancellationToken ct, string prefix = "")
    {
        var probe = new ServiceItem();
        doc.ApplyTo(probe);
        var errors = ItemRules.Check(probe, prefix);
        var known = await departments.NamesAsync([probe.DepartmentCode, .. probe.SupervisingDepartmentCode is { } s ? new[] { s } : []], ct);
        if (!known.ContainsKey(probe.DepartmentCode))
        {
            errors.Add(prefix + "department", $"部门 {probe.DepartmentCode} 不存在");
        }

        if (probe.SupervisingDepartmentCode is { } supervising && !known.ContainsKey(supervising))
        {
            errors.Add(prefix + "supervisingDepartment", $"监管部门 {supervising} 不存在");
        }

        if (!divisions.IsKnownRegion(probe.RegionCode))
        {
            errors.Add(prefix + "region", $"行政区划代码 {probe.RegionCode} 无效");
        }

        var ids = probe.Materials.SelectMany(m => new[] { m.BlankFormFileId, m.SampleFileId }).OfType<Guid>().ToList();
        var found = await files.FindAsync(ids, ct);
        foreach (var missing in ids.Where(id => !found.ContainsKey(id)).Distinct())
        {
            errors.Add(prefix + "materials", $"附件 {missing} 不存在，请先上传");
        }

        return errors;
    }

    /// <summary>Creates or updates the draft of an item (the next version when the current one is published).</summary>
    public async Task<Result<ServiceItem>> SaveDraftAsync(ItemDocument doc, CancellationToken ct)
    {
        if (!CanEdit(doc.Department))
        {
            return NoRight(doc.Department);
        }

        var errors = await CheckAsync(doc, ct);
        if (errors.Any)
        {
            return errors.ToError("catalog:invalid", "事项信息有误");
        }

        var versions = await db.Set<ServiceItem>().Where(i => i.Code == doc.Code).ToListAsync(ct);
        var draft = versions.SingleOrDefault(i => i.Status == ItemStatus.Draft);
        if (versions.FirstOrDefault() is { } existing && existing.DepartmentCode != doc.Department && !CanEdit(existing.DepartmentCode))
        {
            return NoRight(existing.DepartmentCode);
        }

        if (draft is null)
        {
            draft = new ServiceItem
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                ItemVersion = versions.Count == 0 ? 1 : versions.Max(v => v.ItemVersion) + 1,
                Status = ItemStatus.Draft,
            };
            db.Add(draft);
        }

        doc.ApplyTo(draft);
        draft.UpdatedAt = clock.Now();
        draft.UpdatedBy = user.DisplayName ?? "系统";
        audit.Record(new AuditRecord(draft.RegionCode, "ServiceItem", draft.Code, "ItemDraftSaved", new { draft.ItemVersion }));
        await db.SaveChangesAsync(ct);
        return draft;
    }

    public async Task<Result<ServiceItem>> PublishAsync(string code, CancellationToken ct)
    {
        var versions = await db.Set<ServiceItem>().Where(i => i.Code == code && (i.Status == ItemStatus.Draft || i.IsCurrent)).ToListAsync(ct);
        var draft = versions.SingleOrDefault(i => i.Status == ItemStatus.Draft);
        if (draft is null)
        {
            return Error.Conflict("catalog:no-draft", $"事项 {code} 没有待发布的草稿");
        }

        if (!CanEdit(draft.DepartmentCode))
        {
            return NoRight(draft.DepartmentCode);
        }

        foreach (var current in versions.Where(v => v.IsCurrent))
        {
            current.Supersede();
        }

        var published = draft.Publish(clock.Now(), user.DisplayName ?? "系统");
        if (!published.IsSuccess)
        {
            return published.Error!;
        }

        audit.Record(new AuditRecord(draft.RegionCode, "ServiceItem", draft.Code, "ItemPublished", new { draft.ItemVersion }));
        await db.SaveChangesAsync(ct);
        index.Invalidate();
        return draft;
    }

    /// <summary>
    /// Publishes every changed definition in one transaction. Any bad row rejects the whole file:
    /// the report lists every problem by row, and nothing is written.
    /// </summary>
    public async Task<Result<ImportReport>> ImportAsync(
        IReadOnlyList<(int Row, ItemDocument? Item, IReadOnlyDictionary<string, string[]>? ParseErrors)> rows,
        CancellationToken ct,
        Func<int, Task>? progress = null)
    {
        var rejected = new List<RowProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var checkedRows = 0;
        foreach (var (row, item, parseErrors) in rows)
        {
            if (progress is not null)
            {
                await progress(checkedRows);
            }

            checkedRows++;
            if (parseErrors is { Count: > 0 } || item is null)
            {
                rejected.Add(new RowProblem(row, item?.Code ?? "", parseErrors ?? new Dictionary<string, string[]>()));
                continue;
            }

            var errors = await CheckAsync(item, ct);
            if (!CanEdit(item.Department))
            {
                errors.Add("department", "无权维护该部门的事项");
            }

            if (seen.TryGetValue(item.Code, out var first))
            {
                errors.Add("code", $"事项编码与第 {first} 行重复");
            }
            else
            {
                seen[item.Code] = row;
            }

            if (errors.Any)
            {
                rejected.Add(new RowProblem(row, item.Code, errors.ToError().Fields!));
            }
        }

        if (rejected.Count > 0)
        {
            return new ImportReport(0, 0, 0, rejected);
        }

        var codes = rows.Select(r => r.Item!.Code).ToList();
        var existing = await db.Set<ServiceItem>().Where(i => codes.Contains(i.Code) && (i.IsCurrent || i.Status == ItemStatus.Draft)).ToListAsync(ct);
        var maxVersions = await db.Set<ServiceItem>().Where(i => codes.Contains(i.Code))
            .GroupBy(i => i.Code).Select(g => new { g.Key, Max = g.Max(i => i.ItemVersion) }).ToDictionaryAsync(x => x.Key, x => x.Max, ct);
        int created = 0, updated = 0, unchanged = 0;
        var now = clock.Now();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (_, doc, _) in rows)
        {
            var current = existing.SingleOrDefault(i => i.Code == doc!.Code && i.IsCurrent);
            if (current is not null && ItemDocument.From(current).Canonical() == doc!.Canonical())
            {
                unchanged++;
                continue;
            }

            // An open draft is replaced by the imported definition.
            foreach (var draft in existing.Where(i => i.Code == doc!.Code && i.Status == ItemStatus.Draft))
            {
                db.Remove(draft);
            }

            current?.Supersede();
            var next = new ServiceItem
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                ItemVersion = maxVersions.GetValueOrDefault(doc!.Code) + 1,
                Status = ItemStatus.Draft,
            };
            doc.ApplyTo(next);
            next.Publish(now, user.DisplayName ?? "系统");
            db.Add(next);
            audit.Record(new AuditRecord(next.RegionCode, "ServiceItem", next.Code, "ItemImported", new { next.ItemVersion }));
            if (current is null)
            {
                created++;
            }
            else
            {
                updated++;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        index.Invalidate();
        return new ImportReport(created, updated, unchanged, []);
    }

    public async Task<IReadOnlyList<ItemDocument>> ExportAsync(CancellationToken ct) =>
        [.. (await db.Set<ServiceItem>().AsNoTracking().Where(i => i.IsCurrent).OrderBy(i => i.Code).ToListAsync(ct)).Select(ItemDocument.From)];
}

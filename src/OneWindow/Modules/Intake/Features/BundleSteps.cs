using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>
/// What a sub-case's step means for its 一件事 application, in the same unit of work as the step: a
/// department's 一次性告知 joins the bundle's one combined notice; a denial stops the bundle when it is
/// configured so; the last decision releases the bundle's licences together (十证联发); the last
/// completion completes the bundle. Every sub-case step also takes the bundle row (its version), so two
/// last steps at the same moment cannot both miss that the bundle is now complete.
/// </summary>
internal sealed class BundleSteps(AppDbContext db, AuditTrail audit, ICatalogQueries catalog, TimeProvider clock)
{
    internal async Task AfterSubCaseStepAsync(Case c, CaseEvent step, CancellationToken ct)
    {
        var app = await db.Set<BundleApplication>().SingleAsync(b => b.Id == c.BundleApplicationId, ct);
        var siblings = await db.Set<Case>().Where(x => x.BundleApplicationId == app.Id && x.Id != c.Id).ToListAsync(ct);
        List<Case> all = [.. siblings, c];
        db.Entry(app).State = EntityState.Modified;

        if (step is CaseSupplementRequested)
        {
            BundleRecording.Record(audit, app, BundleRecording.Event<BundleSupplementRequested>(app, await NoticeTextAsync(all, ct)), new { caseId = c.Id });
        }

        if (step is CaseDenied && app.OnDenial == DenialConsequence.Stop && app.StopReason is null)
        {
            var reason = $"“{c.ItemName}”不予许可";
            app.StopReason = reason;
            app.DecidedOn = clock.TodayInChina();
            foreach (var s in siblings.Where(s => s.StopWithBundle("一件事中" + reason).IsSuccess))
            {
                CaseRecording.Record<CaseTerminated>(audit, s);
            }

            BundleRecording.Record(audit, app, BundleRecording.Event<BundleStopped>(app, reason), new { reason, caseId = c.Id });
        }

        if (step is CaseGranted or CaseDenied or CaseWithdrawn or CaseTerminated or CaseDeclined && app.StopReason is null && all.All(BundleProgress.Decided))
        {
            // The step that decided the last running item: the bundle's results are ready together.
            var granted = all.Where(BundleProgress.Granted).Select(s => s.Id).ToList();
            app.DecidedOn = clock.TodayInChina();
            BundleRecording.Record(audit, app, BundleRecording.Event<BundleDecided>(app, $"{granted.Count}/{all.Count} 项准予") with { GrantedCases = granted },
                new { granted, app.Issuance });
        }

        if (step is CaseCompleted && all.All(s => Case.Final.Contains(s.Status)))
        {
            BundleRecording.Record(audit, app, BundleRecording.Event<BundleCompleted>(app), null);
        }
    }

    /// <summary>The combined 一次性告知: every open deficiency of every sub-case, each under its item.</summary>
    public async Task<IReadOnlyList<BundleDeficiency>> NoticeAsync(IEnumerable<Case> subCases, CancellationToken ct)
    {
        var notice = new List<BundleDeficiency>();
        foreach (var s in subCases.Where(s => s.Status == CaseStatus.Supplementing))
        {
            var item = await catalog.VersionAsync(s.ItemVersionId, ct);
            foreach (var d in s.Deficiencies)
            {
                var name = item?.Definition.Materials.FirstOrDefault(m => m.Code == d.MaterialCode)?.Name ?? d.MaterialCode;
                notice.Add(new BundleDeficiency(s.Id, s.ItemName, s.DepartmentCode, d.MaterialCode, name, d.Reason, s.SupplementDueDate));
            }
        }

        return notice;
    }

    private async Task<string> NoticeTextAsync(IEnumerable<Case> subCases, CancellationToken ct) =>
        string.Join("；", (await NoticeAsync(subCases, ct)).Select(d => $"{d.ItemName}：{d.MaterialName}（{d.Reason}）"));
}

/// <summary>One line of a bundle's combined 一次性告知.</summary>
internal sealed record BundleDeficiency(Guid CaseId, string ItemName, string Department, string MaterialCode, string MaterialName, string Reason, DateOnly? AnswerBy);

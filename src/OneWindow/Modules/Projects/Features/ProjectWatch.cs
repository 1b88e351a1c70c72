using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Projects.Contracts;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Projects.Features;

/// <summary>
/// Keeps the steward (项目管家) told: a 一次性告知 in any stage, a stage decided or stopped, a sub-case's
/// 预警/超期. Each becomes a <see cref="ProjectAlert"/> (Notifications puts it in the steward's inbox).
/// </summary>
internal sealed class ProjectWatch(AppDbContext db, Outbox outbox) : IOutboxHandler<BundleEvent>, IOutboxHandler<CaseEvent>
{
    private static string? AlertText(BundleEvent e) => e switch
    {
        BundleSupplementRequested => $"需补正（一次性告知）：{e.Detail}。请协助建设单位一次补齐。",
        BundleDecided => $"已审批完成（{e.Detail}），可准备下一阶段。",
        BundleStopped => $"已终止：{e.Detail}。",
        _ => null,
    };

    private static string? AlertText(CaseEvent e) => e switch
    {
        CaseOverdue => $"办件 {e.Number}（{e.ItemName}）已超过承诺时限。",
        CaseDeadlineWarning => $"办件 {e.Number}（{e.ItemName}）临近承诺时限。",
        _ => null,
    };

    /// <summary>A sub-case's 预警/超期 concerns the steward when the case is a stage's (the dispatcher asks before delivering).</summary>
    public static bool Wants(CaseEvent e) => e.BundleApplicationId is not null && AlertText(e) is not null;

    public async Task HandleAsync(BundleEvent e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (AlertText(e) is { } text)
        {
            await AlertAsync(e.BundleApplicationId, e.AuditAction, text, ct, alreadyTold: e.HelperUserId);
        }
    }

    public async Task HandleAsync(CaseEvent e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (Wants(e))
        {
            await AlertAsync(e.BundleApplicationId!.Value, e.AuditAction, AlertText(e)!, ct);
        }
    }

    /// <param name="alreadyTold">The bundle's helper, who hears of it with the bundle: a steward who is that helper gets no second message.</param>
    private async Task AlertAsync(Guid applicationId, string kind, string text, CancellationToken ct, string? alreadyTold = null)
    {
        var found = await db.Set<ProjectStage>().AsNoTracking().Where(s => s.ApplicationId == applicationId)
            .Join(db.Set<ConstructionProject>().AsNoTracking(), s => s.ProjectId, p => p.Id, (s, p) => new { Stage = s, Project = p }).SingleOrDefaultAsync(ct);
        if (found?.Project.StewardUserId is { } steward && steward != alreadyTold)
        {
            outbox.Enqueue(new ProjectAlert(found.Project.Id, found.Project.Name, kind, $"第{found.Stage.Number}阶段“{found.Stage.Name}”{text}", steward, found.Project.RegionCode));
        }
    }
}

/// <summary>
/// The projects' clocks: 预警 once the configured share of the whole-process limit is used, 超期 beyond
/// it; each change is saved, audited and sent to the steward once. Runs every Projects:DeadlineScanSeconds.
/// </summary>
internal sealed class ProjectDeadlines(AppDbContext db, Projects projects, AuditTrail audit, Outbox outbox) : IPeriodicWork
{
    Task IPeriodicWork.RunAsync(CancellationToken ct) => RunAsync(ct);

    /// <summary>Returns how many projects changed state.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var changed = 0;
        var ids = await db.Set<ProjectStage>().AsNoTracking().Where(s => s.ApplicationId != null).Select(s => s.ProjectId).Distinct().ToListAsync(ct);
        foreach (var id in ids)
        {
            var project = await db.Set<ConstructionProject>().SingleAsync(p => p.Id == id, ct);
            var state = await projects.ClockAsync(project, ct);
            if (!state.IsSuccess || state.Value.Clock.State == project.DeadlineState)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            var clock = state.Value.Clock;
            project.DeadlineState = clock.State;
            audit.Record(new AuditRecord(project.RegionCode, "Project", project.Id.ToString(), "ProjectDeadline" + clock.State,
                new { clock.LimitDays, clock.UsedDays, clock.PausedDays }));
            if (project.StewardUserId is { } steward && clock.State != ProjectDeadline.Normal)
            {
                outbox.Enqueue(new ProjectAlert(project.Id, project.Name, "ProjectDeadline" + clock.State,
                    $"全流程审批时限{(clock.State == ProjectDeadline.Overdue ? "已超期" : "预警")}：已用 {clock.UsedDays} / {clock.LimitDays} 个工作日（特别程序 {clock.PausedDays} 天不计入）。",
                    steward, project.RegionCode));
            }

            try
            {
                await db.SaveChangesAsync(ct);
                changed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (a steward assigned): the next run looks again.
            }

            db.ChangeTracker.Clear();
        }

        return changed;
    }
}

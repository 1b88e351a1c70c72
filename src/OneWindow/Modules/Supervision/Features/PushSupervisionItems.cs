using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Modules.Supervision.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Supervision.Features;

/// <summary>
/// 审管联动, the approval side's half: every grant and every licence suspended or revoked by its issuer becomes a supervision
/// item for the item's supervising department (items the catalogue gives none are not supervised), with the claim limit; a
/// 告知承诺 grant also opens its post-check. One item per message, however often it is delivered. Changes supervision itself
/// made (its own measures) are not pushed back to it.
/// </summary>
internal sealed class PushSupervisionItems(
    AppDbContext db, ICaseRecords cases, ICatalogQueries catalog, ILicenseStanding licenses, WorkingDayCalendar calendar, AuditTrail audit, TimeProvider clock,
    IOptions<SupervisionOptions> options)
    : IOutboxHandler<CaseGranted>, IOutboxHandler<LicenseSuspended>, IOutboxHandler<LicenseRevoked>
{
    public async Task HandleAsync(CaseGranted e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await cases.FindAsync(e.CaseId, ct) is { } c)
        {
            await PushAsync(context.MessageId, SupervisionTrigger.Granted, c, null, ct);
        }
    }

    public Task HandleAsync(LicenseSuspended e, OutboxDeliveryContext context, CancellationToken ct) => LicenseChangedAsync(e, SupervisionTrigger.Suspended, context, ct);

    public Task HandleAsync(LicenseRevoked e, OutboxDeliveryContext context, CancellationToken ct) => LicenseChangedAsync(e, SupervisionTrigger.Revoked, context, ct);

    private async Task LicenseChangedAsync(LicenseStatusEvent e, SupervisionTrigger trigger, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (e.Source == SupervisionItems.Source || await licenses.FindAsync(e.LicenseId, ct) is not { } l || await cases.FindAsync(l.CaseId, ct) is not { } c)
        {
            return;
        }

        await PushAsync(context.MessageId, trigger, c, l.LicenseNumber, ct);
    }

    private async Task PushAsync(Guid messageId, SupervisionTrigger trigger, CaseFacts c, string? licenseNumber, CancellationToken ct)
    {
        if (await db.Set<SupervisionItem>().AnyAsync(i => i.SourceMessageId == messageId, ct)
            || await catalog.VersionAsync(c.ItemVersionId, ct) is not { } item)
        {
            return;
        }

        var d = item.Definition;
        // Items with a supervising department (审管职责边界清单) are pushed; a 告知承诺 grant always is (its post-check needs an owner).
        if ((d.SupervisingDepartment ?? (c.PledgeApproval ? d.Department : null)) is not { } supervising)
        {
            return;
        }

        var today = clock.TodayInChina();
        var rules = await calendar.RulesAsync(ct);
        var claimBy = rules.AddWorkingDays(today, options.Value.ClaimWorkingDays) is { IsSuccess: true } by ? by.Value : today.AddDays(options.Value.ClaimWorkingDays);
        var pushed = new SupervisionItem
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), SourceMessageId = messageId, Trigger = trigger, CaseId = c.Id, CaseNumber = c.Number,
            ItemCode = d.Code, ItemName = d.Name, LicenseType = d.LicenseType, ApprovingDepartment = c.DepartmentCode, SupervisingDepartment = supervising,
            RegionCode = c.RegionCode, HolderKind = c.ApplicantKind, HolderName = c.ApplicantName, HolderCode = c.ApplicantCode, LicenseNumber = licenseNumber,
            Facts = FormFacts.Labelled(d.Form, c.Form), WithDeferral = c.WithDeferral, PledgeApproval = c.PledgeApproval,
            PushedAt = clock.Now(), PushedOn = today, ClaimBy = claimBy, Status = SupervisionStatus.Pushed,
        };
        db.Add(pushed);
        var what = SupervisionItem.Label(trigger) + (c.PledgeApproval ? "（告知承诺）" : c.WithDeferral ? "（容缺受理）" : "");
        audit.Record(new AuditRecord(c.RegionCode, "SupervisionItem", pushed.Id.ToString(), "SupervisionItemPushed",
                new { c.Number, d.Code, supervising, trigger = trigger.ToString(), claimBy }),
            new SupervisionItemPushed(pushed.Id, c.Number, d.Name, c.ApplicantName, supervising, c.RegionCode, claimBy, what));

        if (trigger == SupervisionTrigger.Granted && c.PledgeApproval && !await db.Set<PostCheck>().AnyAsync(p => p.CaseId == c.Id, ct))
        {
            var due = rules.AddWorkingDays(today, options.Value.PostCheckWorkingDays) is { IsSuccess: true } r ? r.Value : today.AddDays(options.Value.PostCheckWorkingDays * 7 / 5);
            var check = new PostCheck
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), CaseId = c.Id, CaseNumber = c.Number, ItemCode = d.Code, ItemName = d.Name, SupervisingDepartment = supervising,
                RegionCode = c.RegionCode, HolderKind = c.ApplicantKind, HolderName = c.ApplicantName, HolderCode = c.ApplicantCode,
                PledgedMaterials = [.. c.PledgedMaterials], CreatedOn = today, DueDate = due, Status = PostCheckStatus.Open,
            };
            db.Add(check);
            audit.Record(new AuditRecord(c.RegionCode, "PostCheck", check.Id.ToString(), "PostCheckOpened", new { c.Number, due, holder = Mask.IdentityCode(c.ApplicantCode) }));
        }
    }
}

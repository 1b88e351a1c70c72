using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Features.Notices;

/// <summary>
/// Issues a case's written notices at the steps the law names (行政许可法 §32 受理/不予受理/补正告知, §38 决定书,
/// §40 公开, and the 办结通知): the text fixed from the case as the step left it, sealed with the department's e-seal,
/// stored with the case and audited (under the notice, so the case's timeline stays its steps). One notice per step (the step's outbox message), however often it is delivered.
/// </summary>
internal sealed class IssueCaseNotices(AppDbContext db, ICatalogQueries catalog, IDepartmentDirectory departments, IDocumentSeals seals, AuditTrail audit, TimeProvider clock)
    : IOutboxHandler<CaseEvent>
{
    public static bool Wants(CaseEvent e) => KindOf(e) is not null;

    private static string? KindOf(CaseEvent e) => e switch
    {
        CaseAccepted or CaseAcceptedWithDeferral => NoticeKinds.Acceptance,
        CaseDeclined => NoticeKinds.NonAcceptance,
        CaseSupplementRequested => NoticeKinds.Supplement,
        CaseGranted => NoticeKinds.Grant,
        CaseDenied => NoticeKinds.Denial,
        CaseCompleted => NoticeKinds.Completion,
        _ => null,
    };

    public async Task HandleAsync(CaseEvent e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (KindOf(e) is not { } kind || await db.Set<CaseNotice>().AnyAsync(n => n.SourceMessageId == context.MessageId, ct)
            || await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == e.CaseId, ct) is not { } c)
        {
            return;
        }

        var item = await catalog.VersionAsync(c.ItemVersionId, ct);
        var issuer = await departments.FindAsync(c.DepartmentCode, ct);
        var now = clock.Now();
        var today = clock.TodayInChina();
        var number = $"{c.Number}-{NoticeKinds.Code(kind)}";
        if (kind == NoticeKinds.Supplement)
        {
            number += (await db.Set<CaseNotice>().CountAsync(n => n.CaseId == c.Id && n.Kind == kind, ct) + 1).ToString(CultureInfo.InvariantCulture);
        }

        var notice = new CaseNotice
        {
            Id = Guid.CreateVersion7(now.UtcDateTime), CaseId = c.Id, RegionCode = c.RegionCode, Kind = kind, Title = NoticeKinds.Title(kind),
            DocumentNumber = number, CaseNumber = c.Number, ItemName = c.ItemName, ApplicantName = c.ApplicantName,
            IssuerDepartment = c.DepartmentCode, IssuerName = issuer?.Name ?? c.DepartmentCode, IssuedAt = now, IssuedOn = today,
            Paragraphs = NoticeText.Body(kind, c, item, today), SourceMessageId = context.MessageId,
        };
        notice.Payload = await seals.SealAsync(
            new SealedFacts(kind, notice.Title, notice.DocumentNumber, c.Number, c.ItemName, c.DepartmentCode, notice.IssuerName, today), ct);
        db.Add(notice);
        // On the chain under the notice itself: the case's timeline stays the steps people took.
        audit.Record(new AuditRecord(c.RegionCode, "CaseNotice", notice.Id.ToString(), "NoticeIssued",
            new { caseId = c.Id, c.Number, notice.DocumentNumber, notice.Title }), "system", "系统");
        await db.SaveChangesAsync(ct);
    }
}

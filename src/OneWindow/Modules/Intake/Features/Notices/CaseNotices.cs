using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features.Notices;

/// <summary>A case's notice in a list: what it is, when, and where its PDF is.</summary>
internal sealed record NoticeSummary(Guid Id, string Kind, string Title, string DocumentNumber, DateTimeOffset IssuedAt, string PdfUrl);

internal sealed record VerifyNoticeRequest(string? Payload);

/// <summary>A notice's QR string checked: the e-seal, and whether the notice is on the case's record.</summary>
/// <param name="Status">issued (sealed and on record), invalid (the seal does not hold), unknown (sealed but not on record).</param>
internal sealed record NoticeCheck(bool Valid, string Status, string Message, SealedFacts? Facts, string? Kid);

/// <summary>
/// A case's notices for whoever may see the case (the applicant downloads them, the counter prints them), and the
/// check of a notice's QR string: the e-seal holds and the notice is on the case's record.
/// </summary>
internal sealed class CaseNotices(AppDbContext db, ICurrentUser user, IDocumentSeals seals, TimeProvider clock) : ISealedDocumentRegister
{
    public bool Keeps(string kind) => NoticeKinds.IsKind(kind);

    public Task<bool> OnRecordAsync(string documentNumber, string payload, CancellationToken ct) =>
        db.Set<CaseNotice>().AsNoTracking().AnyAsync(n => n.DocumentNumber == documentNumber && n.Payload == payload, ct);

    private static Error NotFound => Error.NotFound("case:not-found", "办件不存在");

    private async Task<Case?> VisibleCaseAsync(Guid caseId, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct) is { } c && CaseAccess.MaySee(user, c) ? c : null;

    public async Task<Result<List<NoticeSummary>>> ListAsync(Guid caseId, CancellationToken ct)
    {
        if (await VisibleCaseAsync(caseId, ct) is null)
        {
            return NotFound;
        }

        return await db.Set<CaseNotice>().AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.IssuedAt)
            .Select(n => new NoticeSummary(n.Id, n.Kind, n.Title, n.DocumentNumber, n.IssuedAt, $"/api/v1/cases/{caseId}/notices/{n.Id}/pdf"))
            .ToListAsync(ct);
    }

    public async Task<Result<(byte[] Pdf, string FileName)>> PdfAsync(Guid caseId, Guid noticeId, string baseUrl, CancellationToken ct)
    {
        if (await VisibleCaseAsync(caseId, ct) is null
            || await db.Set<CaseNotice>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId && n.CaseId == caseId, ct) is not { } notice)
        {
            return Error.NotFound("notice:not-found", "文书不存在");
        }

        return (NoticePrint.Pdf(notice, NoticePrint.VerifyLink(baseUrl, notice), clock.Now()), $"{notice.DocumentNumber}.pdf");
    }

    public async Task<Result<NoticeCheck>> CheckAsync(string? payload, CancellationToken ct)
    {
        var opened = await seals.OpenAsync(payload, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var o = opened.Value!;
        if (!o.SignatureValid || o.Facts is not { } facts)
        {
            return new NoticeCheck(false, "invalid", o.Message, null, o.Kid);
        }

        var onRecord = await OnRecordAsync(facts.DocumentNumber, payload!.Trim(), ct);
        return onRecord
            ? new NoticeCheck(true, "issued", $"文书真实有效：{facts.IssuerName}于{facts.IssuedOn:yyyy年M月d日}出具", facts, o.Kid)
            : new NoticeCheck(false, "unknown", "电子印章有效，但办件记录中没有这份文书", facts, o.Kid);
    }

    public static void Map(RouteGroupBuilder cases, WebApplication app)
    {
        cases.MapGet("/{id:guid}/notices", async Task<Results<Ok<List<NoticeSummary>>, ProblemHttpResult>> (Guid id, CaseNotices notices, CancellationToken ct) =>
            (await notices.ListAsync(id, ct)).ToOkOrProblem()).WithSummary("办件文书（受理通知书、一次性告知书、决定书等）");

        cases.MapGet("/{id:guid}/notices/{noticeId:guid}/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, Guid noticeId, HttpRequest request, CaseNotices notices, CancellationToken ct) =>
            {
                var pdf = await notices.PdfAsync(id, noticeId, request.PublicBase(), ct);
                return pdf.IsSuccess ? TypedResults.File(pdf.Value.Pdf, "application/pdf", pdf.Value.FileName) : pdf.Error!.ToProblem();
            }).WithSummary("文书 PDF（盖电子印章，二维码可核验）");

        app.MapPost("/api/v1/notices/verify", async Task<Results<Ok<NoticeCheck>, ProblemHttpResult>> (VerifyNoticeRequest body, CaseNotices notices, CancellationToken ct) =>
                (await notices.CheckAsync(body.Payload, ct)).ToOkOrProblem())
            .AllowAnonymous().WithTags("办件").WithSummary("核验文书二维码（电子印章与文书编号）")
            .RequireRateLimiting(Throttles.Verify);
    }
}

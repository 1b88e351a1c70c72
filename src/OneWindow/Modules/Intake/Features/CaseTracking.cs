using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

/// <summary>A step of a case as anyone holding its number and ID tail may see it: what happened and when, not who.</summary>
internal sealed record TrackedStep(DateTimeOffset At, string Step);

/// <summary>办件进度 without personal data: no name, no code, no form, no materials, no officer.</summary>
internal sealed record TrackedCase(
    string Number, string ItemName, CaseStatus Status, string StatusLabel, DateOnly SubmittedOn, DateOnly? AcceptedOn, DateOnly? DueDate,
    DateOnly? SupplementDueDate, IReadOnlyList<TrackedStep> Steps)
{
    /// <summary>暂定: counted on weekends alone for a year whose holidays are not published yet.</summary>
    public bool DueDateProvisional { get; init; }
}

/// <summary>
/// 办件进度查询 for walk-in applicants without an account: the case number and the last six characters of the applicant's
/// ID number or USCC. A wrong pair gets exactly the answer an unknown number gets, and the route is throttled per address,
/// so the tail cannot be guessed through it. The applicant's account shows the case once their identity is verified
/// (<see cref="LinkVerifiedApplicant"/>), never because an ID was typed here.
/// </summary>
internal sealed class CaseTracking(AppDbContext db)
{
    public const int TailLength = 6;

    public static Error NotFound => Error.NotFound("case:not-found", "未找到办件：请核对办件编号和申请人证件号码后 6 位");

    public async Task<Result<TrackedCase>> FindAsync(string? number, string? idTail, CancellationToken ct)
    {
        var errors = new FieldErrors();
        number = number?.Trim();
        idTail = idTail?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number) || number.Length > 40)
        {
            errors.Add("number", "请输入办件编号（受理回执或短信中的编号）");
        }

        if (idTail is null || idTail.Length != TailLength || !idTail.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            errors.Add("idTail", $"请输入申请人身份证号码或统一社会信用代码的后 {TailLength} 位");
        }

        if (errors.Any)
        {
            return errors.ToError("case:track-invalid", "查询信息有误");
        }

        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
        if (c is null || !c.ApplicantCode.ToUpperInvariant().EndsWith(idTail!, StringComparison.Ordinal))
        {
            return NotFound;
        }

        var subject = c.Id.ToString();
        var steps = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectType == "Case" && a.SubjectId == subject).OrderBy(a => a.Id)
            .Select(a => new { a.At, a.Action }).ToListAsync(ct);
        return new TrackedCase(c.Number, c.ItemName, c.Status, c.StatusText, DateOnly.FromDateTime(Timestamps.InChina(c.SubmittedAt).DateTime),
            c.AcceptedOn, c.DueDate, c.SupplementDueDate, [.. steps.Select(s => new TrackedStep(s.At, CaseActionNames.Of(s.Action)))])
        {
            DueDateProvisional = c.DueDateProvisional,
        };
    }

    public static void Map(WebApplication app) =>
        app.MapGet("/api/v1/cases/track", async Task<Results<Ok<TrackedCase>, ProblemHttpResult>> (string? number, string? idTail, CaseTracking tracking, CancellationToken ct) =>
                (await tracking.FindAsync(number, idTail, ct)).ToOkOrProblem())
            .AllowAnonymous().WithTags("办件").WithSummary("办件进度查询（办件编号 + 证件号后 6 位，无需登录，不含个人信息）")
            .RequireRateLimiting(Throttles.Track);
}

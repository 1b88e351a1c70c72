using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

/// <summary>A step of a case as anyone holding its number and ID tail may see it: what happened and when, not who.</summary>
internal sealed record TrackedStep(DateTimeOffset At, string Step);

internal sealed record TrackCodeRequest(string? Number, string? Code = null);

internal sealed record TrackCodeSent(string Message);

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
internal sealed class CaseTracking(AppDbContext db, PlatformSecrets secrets, IDirectMessages messages, TimeProvider clock)
{
    public const int TailLength = 6;

    /// <summary>The key the SMS codes are derived from (a platform secret, the same on every instance).</summary>
    public const string SmsKeyName = "intake.track-sms";

    /// <summary>A code is good in its ten-minute window and the next: at least ten minutes, at most twenty.</summary>
    private static readonly TimeSpan SmsWindow = TimeSpan.FromMinutes(10);

    /// <summary>The same answer whether or not the number exists, so the route tells nobody which numbers do.</summary>
    public static readonly TrackCodeSent CodeSent = new("若办件编号正确，查询验证码已发送至申请时登记的手机号，10 分钟内有效");

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

        return await TrackedAsync(c, ct);
    }

    private async Task<TrackedCase> TrackedAsync(Case c, CancellationToken ct)
    {
        var subject = c.Id.ToString();
        var steps = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectType == "Case" && a.SubjectId == subject).OrderBy(a => a.Id)
            .Select(a => new { a.At, a.Action }).ToListAsync(ct);
        return new TrackedCase(c.Number, c.ItemName, c.Status, c.StatusText, DateOnly.FromDateTime(Timestamps.InChina(c.SubmittedAt).DateTime),
            c.AcceptedOn, c.DueDate, c.SupplementDueDate, [.. steps.Select(s => new TrackedStep(s.At, CaseActionNames.Of(s.Action)))])
        {
            DueDateProvisional = c.DueDateProvisional,
        };
    }

    /// <summary>
    /// 短信验证码查询: a six-digit code sent to the mobile given with the application. The code is derived (HMAC of the case,
    /// the mobile and the ten-minute window under a platform secret), so nothing is stored and every instance agrees.
    /// </summary>
    public async Task<Result<TrackCodeSent>> SendCodeAsync(string? number, CancellationToken ct)
    {
        number = number?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 40)
        {
            return Error.Field("number", "请输入办件编号（受理回执或短信中的编号）");
        }

        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
        if (c is not null && c.ApplicantMobile.Length > 0)
        {
            var code = await CodeAsync(c, Window(clock.GetUtcNow()), ct);
            await messages.SendAsync(c.ApplicantMobile, "办件查询验证码",
                $"【一窗通办】办件 {c.Number} 的进度查询验证码为 {code}，10 分钟内有效。如非本人操作，请忽略；工作人员不会向您索要验证码。", ct);
        }

        return CodeSent;
    }

    public async Task<Result<TrackedCase>> FindBySmsCodeAsync(string? number, string? code, CancellationToken ct)
    {
        var errors = new FieldErrors();
        number = number?.Trim();
        code = code?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 40)
        {
            errors.Add("number", "请输入办件编号（受理回执或短信中的编号）");
        }

        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            errors.Add("smsCode", "请输入短信中的 6 位数字验证码");
        }

        if (errors.Any)
        {
            return errors.ToError("case:track-invalid", "查询信息有误");
        }

        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.Number == number, ct);
        if (c is null || c.ApplicantMobile.Length == 0)
        {
            return SmsNotFound;
        }

        var window = Window(clock.GetUtcNow());
        var good = false;
        foreach (var w in new[] { window, window - 1 })
        {
            good |= System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(await CodeAsync(c, w, ct)), System.Text.Encoding.ASCII.GetBytes(code!));
        }

        return good ? await TrackedAsync(c, ct) : SmsNotFound;
    }

    public static Error SmsNotFound => Error.NotFound("case:not-found", "未找到办件：请核对办件编号和验证码（验证码 10 分钟内有效）");

    private static long Window(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)SmsWindow.TotalSeconds;

    private async Task<string> CodeAsync(Case c, long window, CancellationToken ct)
    {
        var key = await secrets.GetAsync(SmsKeyName, ct);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{c.Id:N}|{c.ApplicantMobile}|{window}"));
        return (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mac) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/v1/cases/track/sms", async Task<Results<Ok<TrackCodeSent>, ProblemHttpResult>> (TrackCodeRequest request, CaseTracking tracking, CancellationToken ct) =>
                (await tracking.SendCodeAsync(request.Number, ct)).ToOkOrProblem())
            .AllowAnonymous().WithTags("办件").WithSummary("发送办件进度查询验证码到申请时登记的手机（编号不存在时答复相同）")
            .RequireRateLimiting(Throttles.SmsCode);
        app.MapPost("/api/v1/cases/track/sms/verify", async Task<Results<Ok<TrackedCase>, ProblemHttpResult>> (TrackCodeRequest request, CaseTracking tracking, CancellationToken ct) =>
                (await tracking.FindBySmsCodeAsync(request.Number, request.Code, ct)).ToOkOrProblem())
            .AllowAnonymous().WithTags("办件").WithSummary("凭办件编号和短信验证码查询办件进度（无需登录，不含个人信息）")
            .RequireRateLimiting(Throttles.TrackSms);
        app.MapGet("/api/v1/cases/track", async Task<Results<Ok<TrackedCase>, ProblemHttpResult>> (string? number, string? idTail, CaseTracking tracking, CancellationToken ct) =>
                (await tracking.FindAsync(number, idTail, ct)).ToOkOrProblem())
            .AllowAnonymous().WithTags("办件").WithSummary("办件进度查询（办件编号 + 证件号后 6 位，无需登录，不含个人信息）")
            .RequireRateLimiting(Throttles.Track);
    }
}

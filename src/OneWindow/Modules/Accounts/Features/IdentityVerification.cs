using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Features;

internal sealed record SmsCodeSent(string SentTo, int ValidMinutes);

internal sealed record VerifyCodeRequest(string? Code);

internal sealed record CounterVerificationRequest(string? UserName, string? IdentityCode);

/// <remarks>A verification takes effect in every open session at once (SessionValidation reads it): no new sign-in or token.</remarks>
internal sealed record IdentityStatus(string UserName, AccountKind Kind, string? IdentityCode, bool Verified, string? Method, DateTimeOffset? VerifiedAt);

/// <summary>
/// 实名核验: an applicant account is bound to its identity code only by proof, not by typing the number.
/// <list type="bullet">
/// <item>SMS: a six-digit code goes to the mobile the government already holds for that code (from cases taken at a
/// counter or by a helper, where staff saw the papers), never to the mobile typed at registration.</item>
/// <item>Counter: an intake clerk who saw the ID card (or business licence) confirms it for the account.</item>
/// <item>The national 统一身份认证 (OpenID Connect) is the production path; docs/security/identity.md describes the seam:
/// it would call <see cref="MarkVerifiedAsync"/> with method <c>oidc</c>.</item>
/// </list>
/// </summary>
internal sealed class IdentityVerification(
    UserManager<AppUser> users,
    AuditTrail audit,
    Outbox outbox,
    IApplicantContacts contacts,
    IDirectMessages messages,
    ICurrentUser current,
    TimeProvider clock)
{
    private const string Purpose = "IdentityVerification:";

    private static readonly Error NotApplicant = Error.Forbidden("identity:not-applicant", "只有个人或企业账户需要实名核验");

    private static readonly Error NoHeldMobile = new("identity:no-held-mobile",
        "政府部门尚未登记该证件号的手机号，无法短信核验；请携带身份证件（营业执照）到任一综合窗口核验", ErrorKind.Unprocessable);

    private static readonly Error WrongCode = Error.Field("code", "验证码不正确或已过期，请重新获取");

    public async Task<Result<IdentityStatus>> StatusAsync(CancellationToken ct) =>
        await ApplicantAsync() is { } user ? Status(user) : NotApplicant;

    /// <summary>The signed-in applicant account with an identity code to verify, or null.</summary>
    private async Task<AppUser?> ApplicantAsync() =>
        current.UserId is { } id && await users.FindByIdAsync(id) is { Kind: not AccountKind.Staff, IdentityCode: not null } user ? user : null;

    /// <summary>Sends a code to the held mobile of the account's identity code.</summary>
    public async Task<Result<SmsCodeSent>> SendCodeAsync(CancellationToken ct)
    {
        if (await ApplicantAsync() is not { } user)
        {
            return NotApplicant;
        }

        if (user.IdentityVerifiedAt is not null)
        {
            return Error.Conflict("identity:already-verified", "该账户已完成实名核验");
        }

        if (await contacts.HeldMobileAsync(user.IdentityCode!, user.Id, ct) is not { } mobile)
        {
            return NoHeldMobile;
        }

        var code = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultPhoneProvider, Purpose + mobile);
        await messages.SendAsync(mobile, "实名核验验证码",
            $"【一窗通办】您的实名核验验证码为 {code}，几分钟内有效。如非本人操作，请忽略；工作人员不会向您索要验证码。", ct);
        return new SmsCodeSent(Mask.Mobile(mobile), 3);
    }

    public async Task<Result<IdentityStatus>> VerifyCodeAsync(VerifyCodeRequest request, CancellationToken ct)
    {
        if (await ApplicantAsync() is not { } user)
        {
            return NotApplicant;
        }

        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Trim().Length != 6 || !request.Code.Trim().All(char.IsAsciiDigit))
        {
            return Error.Field("code", "请输入短信中的 6 位数字验证码");
        }

        if (user.IdentityVerifiedAt is null)
        {
            var mobile = await contacts.HeldMobileAsync(user.IdentityCode!, user.Id, ct);
            if (mobile is null || !await users.VerifyUserTokenAsync(user, TokenOptions.DefaultPhoneProvider, Purpose + mobile, request.Code.Trim()))
            {
                return WrongCode;
            }

            await MarkVerifiedAsync(user, "sms", ct);
        }

        return Status(user);
    }

    /// <summary>A clerk saw the ID card (business licence) of the account's holder at the counter.</summary>
    public async Task<Result<IdentityStatus>> VerifyAtCounterAsync(CounterVerificationRequest request, CancellationToken ct)
    {
        if (!current.IsInRole(Roles.IntakeClerk))
        {
            return Error.Forbidden("identity:forbidden", "只有综合窗口受理人员可以现场核验身份");
        }

        var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName.Trim());
        var code = request.IdentityCode?.Trim().ToUpperInvariant();
        if (user is null || user.Kind == AccountKind.Staff || string.IsNullOrEmpty(code) || user.IdentityCode != code)
        {
            // One answer for "no such account" and "another code": the clerk learns nothing they did not see on the card.
            return Error.Validation("identity:mismatch", "账户与所见证件不符", new Dictionary<string, string[]>
            {
                ["identityCode"] = ["该账户登记的证件号与所见证件不一致（或账户不存在）；请核对用户名与证件号"],
            });
        }

        if (user.IdentityVerifiedAt is null)
        {
            await MarkVerifiedAsync(user, "counter", ct);
        }

        return Status(user);
    }

    /// <summary>The one way an account becomes verified (SMS, counter, national identity provider, demo data).</summary>
    public async Task MarkVerifiedAsync(AppUser user, string method, CancellationToken ct)
    {
        user.IdentityVerifiedAt = clock.GetUtcNow();
        user.IdentityVerifiedBy = method;
        var region = user.RegionCode.Length > 0 ? user.RegionCode : Platform.Calendar.Regions.National;
        audit.Record(new AuditRecord(region, "Account", user.Id, "IdentityVerified",
            new { method, identityCode = Mask.IdentityCode(user.IdentityCode) }));
        outbox.Enqueue(new IdentityVerified(user.Id, user.Kind.ToString(), user.IdentityCode!, method, region));
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.Description)));
        }
    }

    private static IdentityStatus Status(AppUser user) => new(
        user.UserName!, user.Kind, user.IdentityVerifiedAt is null ? Mask.IdentityCode(user.IdentityCode) : user.IdentityCode,
        user.IdentityVerifiedAt is not null, user.IdentityVerifiedBy, user.IdentityVerifiedAt);

    public static void Map(IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup("/api/v1/auth/identity").WithTags("账户").RequireAuthorization(Policies.Applicant);
        identity.MapGet("/", async Task<Results<Ok<IdentityStatus>, ProblemHttpResult>> (IdentityVerification v, CancellationToken ct) =>
            (await v.StatusAsync(ct)).ToOkOrProblem()).WithSummary("本账户的实名核验状态");
        identity.MapPost("/sms", async Task<Results<Ok<SmsCodeSent>, ProblemHttpResult>> (IdentityVerification v, CancellationToken ct) =>
            (await v.SendCodeAsync(ct)).ToOkOrProblem())
            .RequireRateLimiting(Throttles.SmsCode).WithSummary("向政府部门已登记的手机号发送实名核验验证码");
        identity.MapPost("/verify", async Task<Results<Ok<IdentityStatus>, ProblemHttpResult>> (VerifyCodeRequest request, IdentityVerification v, CancellationToken ct) =>
            (await v.VerifyCodeAsync(request, ct)).ToOkOrProblem())
            .RequireRateLimiting(Throttles.SmsCode).WithSummary("提交短信验证码完成实名核验（已登录的会话即时生效）");
        app.MapPost("/api/v1/identity-verifications/counter", async Task<Results<Ok<IdentityStatus>, ProblemHttpResult>> (
                CounterVerificationRequest request, IdentityVerification v, CancellationToken ct) =>
            (await v.VerifyAtCounterAsync(request, ct)).ToOkOrProblem())
            .WithTags("账户").RequireAuthorization(p => p.RequireRole(Roles.IntakeClerk)).WithSummary("窗口现场核验：受理人员查验证件后确认账户的实名身份");
    }
}

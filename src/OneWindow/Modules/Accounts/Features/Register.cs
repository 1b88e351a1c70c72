using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Accounts.Features;

/// <summary>Kind is <c>person</c> (自然人, with 身份证号) or <c>enterprise</c> (法人, with 统一社会信用代码).</summary>
internal sealed record RegisterRequest(string? Kind, string? UserName, string? Password, string? Name, string? IdentityCode, string? Mobile);

internal sealed record RegisterResponse(string Id, string UserName, string Kind, string DisplayName);

/// <summary>Registers a citizen or enterprise account; the identity code is checked by the same validator as every form.</summary>
internal sealed class RegisterHandler(
    UserManager<AppUser> users,
    AppDbContext db,
    AuditTrail audit,
    Outbox outbox,
    DivisionRegistry divisions,
    IConfiguration configuration,
    TimeProvider clock)
{
    public async Task<Result<RegisterResponse>> RegisterAsync(RegisterRequest request)
    {
        var errors = new FieldErrors();
        var kind = request.Kind switch
        {
            "person" => AccountKind.Person,
            "enterprise" => AccountKind.Enterprise,
            _ => (AccountKind?)null,
        };
        if (kind is null)
        {
            errors.Add("kind", "请选择账户类型：person（个人）或 enterprise（企业）");
        }

        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length is < 3 or > 32)
        {
            errors.Add("userName", "用户名为 3 到 32 个字符");
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            errors.Add("name", kind == AccountKind.Enterprise ? "请填写企业名称（2 到 100 个字）" : "请填写姓名（2 到 100 个字）");
        }
        else if (TextRules.NameProblem(name) is { } badName)
        {
            errors.Add("name", (kind == AccountKind.Enterprise ? "企业名称" : "姓名") + badName);
        }

        CodeCheck? code = null;
        if (kind is not null)
        {
            code = kind == AccountKind.Person
                ? ResidentId.Check(request.IdentityCode, divisions, clock.TodayInChina())
                : Uscc.Check(request.IdentityCode, divisions);
            foreach (var message in code.Errors)
            {
                errors.Add("identityCode", message);
            }
        }

        var mobile = Mobile.Check(request.Mobile);
        foreach (var message in mobile.Errors)
        {
            errors.Add("mobile", message);
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length < 8 || !request.Password.Any(char.IsAsciiDigit))
        {
            errors.Add("password", "密码至少 8 位，且须包含数字");
        }

        if (errors.Any)
        {
            return errors.ToError("account:invalid", "注册信息有误");
        }

        var user = new AppUser
        {
            UserName = userName,
            Kind = kind!.Value,
            DisplayName = name,
            IdentityCode = code!.Normalized,
            PhoneNumber = mobile.Normalized,
            RegionCode = code.Details.GetValueOrDefault("regionCode") is { } r && divisions.Find(r) is not null ? r : "",
            CreatedAt = clock.Now(),
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        // A claim nobody proved within a day lapses: a number typed by someone else does not block its holder for good.
        var claimHours = Math.Max(1, configuration.GetValue("Accounts:UnverifiedClaimHours", 24));
        var lapsed = clock.GetUtcNow() - TimeSpan.FromHours(claimHours);
        await db.Users.Where(u => u.Kind == user.Kind && u.IdentityCode == user.IdentityCode && u.IdentityVerifiedAt == null && u.CreatedAt < lapsed)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IdentityCode, (string?)null));
        if (await db.Users.AnyAsync(u => u.Kind == user.Kind && u.IdentityCode == user.IdentityCode))
        {
            return IdentityTaken(user.Kind, claimHours);
        }

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException e) when ((e.InnerException?.Message ?? "").Contains("identity_code", StringComparison.Ordinal)
                                          || (e.InnerException as Npgsql.PostgresException)?.ConstraintName?.Contains("identity_code", StringComparison.Ordinal) == true)
        {
            // The unique index on (kind, identity code): a concurrent registration of the same code won.
            return IdentityTaken(user.Kind, claimHours);
        }

        if (!created.Succeeded)
        {
            return created.ToError("account:invalid", "注册信息有误");
        }

        await users.AddToRoleAsync(user, Roles.Applicant);
        audit.Record(new AuditRecord(RegionOf(user), "Account", user.Id, "AccountRegistered",
            new { kind = user.Kind.ToString(), identityCode = Mask.IdentityCode(user.IdentityCode) }));
        outbox.Enqueue(new AccountRegistered(user.Id, user.DisplayName, user.PhoneNumber!, RegionOf(user)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new RegisterResponse(user.Id, user.UserName, request.Kind!, user.DisplayName);
    }

    private static Error IdentityTaken(AccountKind kind, int claimHours) => new("account:identity-taken", "该证件号已有账户", ErrorKind.Conflict,
        new Dictionary<string, string[]>
        {
            ["identityCode"] = [(kind == AccountKind.Person ? "该身份证号" : "该统一社会信用代码")
                + $"已注册账户。如不是您本人注册的：未完成实名核验的注册 {claimHours} 小时后失效，届时可重新注册；也可携带证件到任一综合窗口办理"],
        });

    private static string RegionOf(AppUser user) => user.RegionCode.Length > 0 ? user.RegionCode : Platform.Calendar.Regions.National;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/register", async Task<Results<Created<RegisterResponse>, ProblemHttpResult>> (RegisterRequest request, RegisterHandler handler) =>
        {
            var result = await handler.RegisterAsync(request);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/auth/me", result.Value!) : result.Error!.ToProblem();
        }).WithTags("账户").WithSummary("个人或企业注册（身份证号 / 统一社会信用代码 + 手机号）；实名核验前只能看到本账户自己提交的内容")
        .AllowAnonymous().RequireRateLimiting(Throttles.Register);
}

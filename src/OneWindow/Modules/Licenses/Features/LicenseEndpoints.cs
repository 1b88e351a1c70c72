using OneWindow.Platform.Printing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Licenses.Features;

internal sealed record LicenseView(
    Guid Id, string LicenseNumber, string Type, string TypeName, string Issuer, string IssuerName, string HolderName, string HolderCode,
    IReadOnlyDictionary<string, string> Fields, DateOnly ValidFrom, DateOnly? ValidUntil, DateTimeOffset IssuedAt, string Status, string? StatusReason, string Kid, Guid CaseId)
{
    /// <summary>Who decided the approval (独任审批师, approver, or 系统（秒批）).</summary>
    public string? DecidedBy { get; init; }
}

internal sealed record QrPayload(string Payload);

internal sealed record VerifyRequest(string? Payload);

/// <summary>
/// What a verifier learns: the verdict and only what the QR itself carries (codes masked). <see cref="Kind"/> says what was
/// checked: <c>license</c>, or a sealed document's kind (<c>inspectionReport</c>, a notice's kind) with its facts in <see cref="Document"/>.
/// </summary>
internal sealed record VerifyResult(bool Valid, string Status, string Message, string? Kid, QrClaims? Claims)
{
    public string Kind { get; init; } = SealedKinds.License;

    /// <summary>The licence's type code (as an item's <c>licenseType</c>), at the top level as the API contract has it.</summary>
    public string? LicenseType => Claims is null ? null : Contracts.LicenseTypes.CodeOfName(Claims.Type) ?? Claims.Type;

    /// <summary>The type's name as the QR carries it (also, for one more release, in <see cref="Claims"/>).</summary>
    public string? LicenseTypeName => Claims?.Type;

    /// <summary>The holder's name, masked (the QR's own claims carry what the holder chose to show).</summary>
    public string? HolderName => Claims is null ? null : Mask.Name(Claims.HolderName);

    public string? Issuer => Claims?.Issuer;

    public DateOnly? ValidFrom => Claims?.ValidFrom;

    public DateOnly? ValidUntil => Claims?.ValidUntil;

    /// <summary>Why the payload did not verify (empty when it did).</summary>
    public IReadOnlyList<string> Errors => Valid ? [] : [Message];

    public SealedFacts? Document { get; init; }
}

internal sealed record StatusRequest(string? Reason);

internal static class LicenseEndpoints
{
    public static string StatusName(LicenseStatus s) => s switch
    {
        LicenseStatus.Suspended => "suspended",
        LicenseStatus.Revoked => "revoked",
        _ => "active",
    };

    private static LicenseView View(License l, bool full) => new(
        l.Id, l.LicenseNumber, l.TypeCode, l.TypeName, l.IssuerDepartment, l.IssuerName, l.HolderName, full ? l.HolderCode : Mask.IdentityCode(l.HolderCode),
        l.Fields, l.ValidFrom, l.ValidUntil, l.IssuedAt, StatusName(l.Status), l.StatusReason, l.Kid, l.CaseId) { DecidedBy = l.DecidedBy };

    private static async Task<License?> VisibleAsync(AppDbContext db, ICurrentUser user, Guid id, CancellationToken ct)
    {
        var l = await db.Set<License>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return l is not null && LicenseAccess.MaySee(user, l) ? l : null;
    }

    private static readonly Error NotFound = Error.NotFound("license:not-found", "证照不存在");

    public static void Map(WebApplication app)
    {
        app.MapGet("/.well-known/jwks.json", async (ESeals seals, CancellationToken ct) => TypedResults.Ok(await seals.JwksAsync(ct)))
            .WithTags("电子证照").WithSummary("签发机构电子印章公钥（JWKS）").AllowAnonymous();

        var licenses = app.MapGroup("/api/v1/licenses").WithTags("电子证照");

        licenses.MapGet("/", async Task<Results<Ok<List<LicenseView>>, ProblemHttpResult>> (string? holder, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
        {
            var code = string.IsNullOrWhiteSpace(holder) ? user.VerifiedIdentityCode : holder.Trim().ToUpperInvariant();
            if (!LicenseAccess.MayListHolder(user, code))
            {
                return Error.Forbidden("license:forbidden", "只能查看本人（本企业）已核验身份下的证照；工作人员按职责查询").ToProblem();
            }

            var query = db.Set<License>().AsNoTracking();
            query = user.IsStaff
                ? query.Where(l => l.HolderCode == code)
                : query.Where(l => (code != null && l.HolderCode == code) || l.HolderUserId == user.UserId);
            if (user.IsStaff && !LicenseAccess.ListsEveryIssuer(user))
            {
                var department = user.DepartmentCode;
                query = query.Where(l => l.IssuerDepartment == department);
            }

            var rows = await query.OrderByDescending(l => l.IssuedAt).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(l => View(l, LicenseAccess.SeesFullHolderCode(user, l))).ToList());
        }).RequireAuthorization().WithSummary("持证人的证照（本人：已核验身份；综合窗口与管理员按持证主体代码查询；发证部门只见本部门所发）");

        licenses.MapGet("/{id:guid}", async Task<Results<Ok<LicenseView>, ProblemHttpResult>> (Guid id, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l ? TypedResults.Ok(View(l, LicenseAccess.SeesFullHolderCode(user, l))) : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("证照信息与状态");

        licenses.MapGet("/{id:guid}/credential", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l ? TypedResults.Content(l.Credential, VcJwt.MediaType) : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("完整凭证（application/vc+jwt）");

        licenses.MapGet("/{id:guid}/qr", async Task<Results<Ok<QrPayload>, ProblemHttpResult>> (Guid id, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l ? TypedResults.Ok(new QrPayload(l.QrPayload)) : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("亮证码（LC1: 字符串）");

        licenses.MapGet("/{id:guid}/qr.png", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l ? TypedResults.File(QrImages.Png(l.QrPayload), "image/png") : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("亮证码图片（PNG，纠错等级 Q）");

        licenses.MapGet("/{id:guid}/qr.svg", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l ? TypedResults.Content(QrImages.Svg(l.QrPayload), "image/svg+xml") : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("亮证码图片（SVG）");

        licenses.MapGet("/{id:guid}/link-qr.png", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, HttpRequest http, AppDbContext db, ICurrentUser user, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l
                ? TypedResults.File(QrImages.LinkPng(LicensePrint.VerifyLink(http.PublicBase(), l)), "image/png")
                : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("手机扫码核验用二维码（PNG：打开 /verify 并携带亮证码）");

        licenses.MapGet("/{id:guid}/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, HttpRequest http, AppDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
            await VisibleAsync(db, user, id, ct) is { } l
                ? TypedResults.File(LicensePrint.Pdf(l, LicensePrint.VerifyLink(http.PublicBase(), l), clock.GetUtcNow()), "application/pdf", $"{l.TypeName}-{l.HolderName}.pdf")
                : NotFound.ToProblem())
            .RequireAuthorization().WithSummary("证照打印件（PDF，A4，中文，附手机核验二维码）");

        licenses.MapPost("/verify", async Task<Results<Ok<VerifyResult>, ProblemHttpResult>> (VerifyRequest request, LicenseVerifier verifier, CancellationToken ct) =>
        {
            var result = await verifier.VerifyAsync(request.Payload, ct);
            return result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();
        }).AllowAnonymous().RequireRateLimiting(Throttles.Verify).WithSummary("核验亮证码（LC1:）或盖章文书的二维码（DN1:，如勘验报告、决定书）：签名、密钥、有效期与当前状态；kind 说明是什么");

        app.MapPost("/api/v1/eseals/{department}/rotate", async Task<Results<Ok<JwkSet>, ProblemHttpResult>> (
                string department, ESeals seals, ICurrentUser user, AuditTrail audit, AppDbContext db, OneWindow.Modules.Organisation.Contracts.IDepartmentDirectory departments,
                CancellationToken ct) =>
            {
                if (await departments.FindAsync(department, ct) is not { } issuer)
                {
                    return Error.NotFound("organisation:department-not-found", $"部门 {department} 不存在").ToProblem();
                }

                if (!user.IsInRole(Roles.Admin) && !(user.IsInRole(Roles.DepartmentHead) && user.DepartmentCode == department))
                {
                    return Error.Forbidden("license:forbidden", "只有系统管理员或本部门负责人可以更换电子印章").ToProblem();
                }

                var kid = await seals.RotateAsync(department, ct);
                audit.Record(new AuditRecord(issuer.RegionCode, "ESeal", department, "ESealRotated", new { kid }));
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(await seals.JwksAsync(ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.DepartmentHead)).WithTags("电子证照").WithSummary("更换部门电子印章（旧印章继续公布，已签发证照仍可核验）");

        MapStatus<LicenseSuspended>(licenses, "suspend", LicenseStatus.Suspended, "暂扣（中止）");
        MapStatus<LicenseRevoked>(licenses, "revoke", LicenseStatus.Revoked, "吊销（撤销）");
        MapStatus<LicenseReinstated>(licenses, "reinstate", LicenseStatus.Active, "恢复");
    }

    private static void MapStatus<TEvent>(RouteGroupBuilder licenses, string route, LicenseStatus status, string what)
        where TEvent : LicenseStatusEvent, new() =>
        licenses.MapPost("/{id:guid}/" + route, async Task<Results<Ok<LicenseView>, ProblemHttpResult>> (
                Guid id, StatusRequest? request, AppDbContext db, ICurrentUser user, AuditTrail audit, VerificationCache verification, TimeProvider clock, CancellationToken ct) =>
            {
                var l = await db.Set<License>().SingleOrDefaultAsync(x => x.Id == id, ct);
                if (l is null)
                {
                    return NotFound.ToProblem();
                }

                if (user.DepartmentCode != l.IssuerDepartment || !(user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead)))
                {
                    return Error.Forbidden("license:forbidden", $"只有签发部门的审批人员可以{what}证照").ToProblem();
                }

                if (!LicenseStanding.CanChange(l, status))
                {
                    return Error.Conflict("license:invalid-transition", $"证照当前状态为“{StatusName(l.Status)}”，不能{what}").ToProblem();
                }

                if (status != LicenseStatus.Active && string.IsNullOrWhiteSpace(request?.Reason))
                {
                    return Error.Field("reason", $"{what}须说明理由").ToProblem();
                }

                LicenseStanding.Change<TEvent>(l, status, request?.Reason, null, audit, clock);
                await db.SaveChangesAsync(ct);
                verification.Forget(l.LicenseNumber);
                return TypedResults.Ok(View(l, full: true));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Approver, Roles.DepartmentHead)).WithSummary(what + "证照（签发部门的审批人员、负责人）");
}

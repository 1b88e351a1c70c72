using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Intake.Features;

/// <param name="LicenseConsent">The applicant agrees that materials a licence can satisfy are taken from their licences (无证明, 免提交).</param>
/// <param name="PledgeApproval">告知承诺: the applicant signs the item's commitment letter (online: by sending this; at the counter: the clerk confirms they signed it) in place of the pledgeable materials.</param>
internal sealed record SubmitCaseRequest(
    string? ItemCode, ApplicantInput? Applicant, Dictionary<string, JsonElement>? Form, List<MaterialInput>? Materials, string? Channel, bool? LicenseConsent = null,
    bool? PledgeApproval = null, Guid? Pickup = null, string? AcceptingRegion = null);

internal sealed record CaseCreated(Guid Id, string Number, CaseStatus Status);

/// <summary>
/// Submission by the applicant online, a clerk at a general counter, or a helper (帮办代办). The same
/// Idempotency-Key from the same submitter returns the case already created, never a second one: the
/// group-commit writer looks a whole group's keys up in one read (and the unique index catches a race),
/// so a first submission pays no extra read; a retry that no longer validates is answered with its case
/// as well.
/// </summary>
internal sealed class SubmitCase(
    AppDbContext db, ICatalogQueries catalog, CaseMaterials checkMaterials, ILicenseLibrary licenses, DivisionRegistry divisions, CaseSubmissionWriter writer,
    IApplicantStanding standing, InstantDecisions instant, OneWindow.Modules.Delivery.Contracts.IDoorstepPickups pickups,
    OneWindow.Modules.Organisation.Contracts.IAgreements agreements, ICurrentUser user, TimeProvider clock)
{
    public Task<Result<(CaseCreated Case, bool Created)>> SubmitAsync(SubmitCaseRequest request, string? idempotencyKey, CancellationToken ct) =>
        SubmitAsync(request, ICatalogQueries.FormValues(request.Form), idempotencyKey, ct);

    /// <summary>The same submission with the form as text values (as a page posts them).</summary>
    public async Task<Result<(CaseCreated Case, bool Created)>> SubmitAsync(
        SubmitCaseRequest request, IReadOnlyDictionary<string, string[]> formValues, string? idempotencyKey, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        return key is { Length: > 100 }
            ? Error.Field("Idempotency-Key", "Idempotency-Key 不超过 100 个字符")
            : await OnceAsync(key, await SubmitNewAsync(request, formValues, key, ct), Existing, ct);
    }

    /// <summary>
    /// What a submission with an Idempotency-Key answers: a new record, or (the writer found the key
    /// taken, or the request no longer passes) the record the key's first attempt created.
    /// </summary>
    internal static async Task<Result<(T Value, bool New)>> OnceAsync<T>(string? key, Result<(T Value, bool New)> result, Func<string, CancellationToken, Task<T?>> existing, CancellationToken ct)
        where T : class
    {
        if (key is null || (result.IsSuccess && result.Value.New))
        {
            return result;
        }

        return await existing(key, ct) is { } earlier ? (earlier, false)
            : result.IsSuccess ? throw new InvalidOperationException("a concurrent request took the Idempotency-Key but what it created is not found")
            : result;
    }

    private async Task<Result<(CaseCreated Case, bool Created)>> SubmitNewAsync(
        SubmitCaseRequest request, IReadOnlyDictionary<string, string[]> formValues, string? key, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var item = string.IsNullOrWhiteSpace(request.ItemCode) ? null : await catalog.CurrentAsync(request.ItemCode.Trim(), ct);
        if (item is null)
        {
            return string.IsNullOrWhiteSpace(request.ItemCode)
                ? Error.Field("itemCode", "请选择办理事项")
                : Error.NotFound("catalog:item-not-found", $"事项 {request.ItemCode} 不存在或尚未发布");
        }

        var channel = ChannelOf(request.Channel, errors);
        var applicant = CheckApplicant(request.Applicant, item.AcceptsPersons, item.AcceptsEnterprises, errors);
        var form = catalog.ValidateForm(item, formValues, clock.TodayInChina());
        errors.AddAll(form.Error, "form.");
        var pledge = request.PledgeApproval == true;
        if (pledge && !item.Definition.AllowsPledge)
        {
            errors.Add("pledgeApproval", "本事项不实行告知承诺制，请按清单提交全部材料");
        }

        await CheckOwnNameAsync(channel, applicant.Code, errors, ct);
        var pickup = await CheckPickupAsync(channel, request.Pickup, item.Definition.Code, errors, ct);
        var accepting = string.IsNullOrWhiteSpace(request.AcceptingRegion) || request.AcceptingRegion.Trim() == item.Definition.Region ? null : request.AcceptingRegion.Trim();
        if (accepting is not null && (!user.IsInRole(Roles.IntakeClerk) || user.RegionCode != accepting))
        {
            errors.Add("acceptingRegion", "跨域通办由受理地的综合窗口提交：acceptingRegion 应为本窗口所在地区");
        }
        var materials = await checkMaterials.CheckAsync(request.Materials, item, applicant.Code, errors, ct);
        var fromLicenses = request.LicenseConsent == true ? await FromLicensesAsync(item, applicant.Code, materials, ct) : [];
        var fromEarlierCases = request.LicenseConsent == true ? await FromEarlierCasesAsync(applicant.Code, item, materials, ct) : [];
        if (errors.Any)
        {
            return errors.ToError("case:invalid", "申请信息有误");
        }

        // 跨域通办 only under an agreement between the two regions that lists the item.
        if (accepting is not null && await agreements.CoveringAsync(item.Definition.Region, accepting, Catalog.Contracts.ItemCodes.BasicOf(item.Definition.Code), ct) is null)
        {
            var (owner, here) = (divisions.FullName(item.Definition.Region) ?? item.Definition.Region, divisions.FullName(accepting) ?? accepting);
            return new Error("case:no-agreement", $"{item.Definition.Name}是{owner}的事项，不在{here}与其签订的跨域通办协议之内：请到{owner}办理，或在网上申请",
                ErrorKind.Unprocessable);
        }

        // Only once the applicant is known to be the caller's to name (online: oneself): a ban's details are theirs to read.
        if (await RefusedStandingAsync(applicant.Code, item, pledge, ct) is { } refused)
        {
            return refused;
        }

        var now = clock.Now();
        var entity = Case.Submit(item, channel,
            new CaseApplicant(applicant.Kind, applicant.Name, applicant.Code, applicant.Mobile, await ApplicantAccountAsync(channel, applicant.Code, ct)),
            user.UserId!, key, form.Value!, materials, now);
        entity.PickupId = pickup;
        entity.AcceptingRegion = accepting;
        if (pledge)
        {
            var pledged = item.Definition.Materials.Where(m => m.Pledgeable && !materials.Any(x => x.MaterialCode == m.Code)).ToList();
            entity.Pledge = new CasePledge([.. pledged.Select(m => m.Code)], [.. pledged.Select(m => m.Name)],
                InstantDecisions.PledgeLetter(item, applicant.Name, applicant.Code), channel == Channel.Online ? applicant.Name : $"{applicant.Name}（{user.DisplayName} 见证）",
                now, channel == Channel.Online ? "portal" : "counter");
        }

        var decidedBy = InstantDecisions.Applies(item, entity) ? await instant.DecideAsync(item, entity, ct) : null;
        var committed = await writer.WriteAsync(new PendingSubmission(entity, c => new
            {
                c.Number, c.ItemCode, channel = c.Channel.ToString(), applicant = Mask.IdentityCode(c.ApplicantCode),
                licenseConsent = request.LicenseConsent == true, fromLicenses, fromEarlierCases, pledgeApproval = c.Pledge?.MaterialCodes,
            }, user.UserId!, user.DisplayName ?? "系统") { DecidedBy = decidedBy });
        // Not committed: the key was taken by an earlier or concurrent submission; the caller answers with its case.
        return (new CaseCreated(entity.Id, entity.Number, entity.Status), committed);
    }

    /// <summary>
    /// 无证明: with the applicant's consent, a material a licence can satisfy and that was not handed in
    /// is taken from the applicant's valid licences. Returns the materials so taken (for the audit
    /// record of the consent). Licences named explicitly were checked with the other materials.
    /// </summary>
    private async Task<List<string>> FromLicensesAsync(PublishedItem item, string holderCode, List<SubmittedMaterial> materials, CancellationToken ct)
    {
        var capable = item.LicenseMaterials;
        var taken = new List<string>();
        if (holderCode.Length == 0)
        {
            return taken;
        }

        var held = await licenses.ValidAsync(holderCode, [.. capable.Values.Distinct()], ct);
        foreach (var (code, type) in capable.Where(c => !materials.Any(m => m.MaterialCode == c.Key)))
        {
            if (held.FirstOrDefault(h => h.TypeCode == type) is { } licence)
            {
                materials.Add(new SubmittedMaterial(code, null, licence.LicenseNumber));
                taken.Add(code);
            }
        }

        return taken;
    }

    /// <summary>
    /// 只提交一次: with the same consent, a material not handed in now is taken over from the applicant's
    /// most recent case of the past year that accepted it (not declined, withdrawn or terminated). The
    /// application form itself (申请书) belongs to one item and is never carried over.
    /// </summary>
    private async Task<List<string>> FromEarlierCasesAsync(string applicantCode, PublishedItem item, List<SubmittedMaterial> materials, CancellationToken ct)
    {
        var taken = new List<string>();
        if (applicantCode.Length == 0)
        {
            return taken;
        }

        var since = clock.TodayInChina().AddYears(-1);
        CaseStatus[] refused = [CaseStatus.Submitted, CaseStatus.Supplementing, CaseStatus.Declined, CaseStatus.Withdrawn, CaseStatus.Terminated];
        var earlier = await db.Set<Case>().AsNoTracking()
            .Where(c => c.ApplicantCode == applicantCode && c.AcceptedOn >= since && !refused.Contains(c.Status))
            .OrderByDescending(c => c.SubmittedAt).Take(20).Select(c => new { c.Number, c.Materials }).ToListAsync(ct);
        var wanted = item.MaterialCodes.Where(code => code != "application").ToHashSet();
        foreach (var previous in earlier)
        {
            foreach (var m in previous.Materials.Where(m => m.FileId is not null && wanted.Contains(m.MaterialCode) && !materials.Any(x => x.MaterialCode == m.MaterialCode)))
            {
                materials.Add(new SubmittedMaterial(m.MaterialCode, m.FileId, null) { FromCase = previous.Number });
                taken.Add(m.MaterialCode);
            }
        }

        return taken;
    }

    private async Task<CaseCreated?> Existing(string key, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().Where(c => c.SubmittedById == user.UserId && c.IdempotencyKey == key)
            .Select(c => new CaseCreated(c.Id, c.Number, c.Status)).SingleOrDefaultAsync(ct);

    /// <summary>
    /// 审管联动: a 行业禁入 ban on the item (or, for 告知承诺, a block after a false pledge) refuses the application before anything is
    /// written — 422 naming the ban and where it came from. Single cases and every item of a 一件事 alike.
    /// </summary>
    internal async Task<Error?> RefusedStandingAsync(string applicantCode, PublishedItem item, bool pledge, CancellationToken ct) =>
        applicantCode.Length > 0 && await standing.CheckAsync(applicantCode, item.Definition.Code, item.Definition.LicenseType, pledge, ct) is { } refused
            ? new Error("case:" + refused.Code, $"{refused.Title}（{item.Definition.Name}）", ErrorKind.Unprocessable, null, refused.Detail)
            : null;

    /// <summary>Online, one applies only in one's own name (or one's own enterprise's).</summary>
    internal async Task CheckOwnNameAsync(Channel channel, string applicantCode, FieldErrors errors, CancellationToken ct)
    {
        if (channel == Channel.Online && applicantCode.Length > 0
            && user.IdentityCode != applicantCode)
        {
            errors.Add("applicant", "网上申请只能以本人（本企业）名义提交；代他人申请请到综合窗口或找帮办代办");
        }
    }

    /// <summary>
    /// The applicant's account: a case taken at the counter or by a helper shows in their portal when they have one
    /// whose identity is verified (an account that merely typed the number sees nothing filed by others).
    /// </summary>
    internal async Task<string?> ApplicantAccountAsync(Channel channel, string applicantCode, CancellationToken ct) =>
        channel == Channel.Online
            ? user.UserId
            : await db.Users.Where(u => u.IdentityCode == applicantCode && u.Kind != AccountKind.Staff && u.IdentityVerifiedAt != null)
                .Select(u => u.Id).FirstOrDefaultAsync(ct);

    internal Channel ChannelOf(string? requested, FieldErrors errors)
    {
        // The channel follows from who submits: an applicant online, a clerk at the counter, a helper for the applicant.
        if (!user.IsStaff)
        {
            return Channel.Online;
        }

        if (!user.IsInRole(Roles.IntakeClerk) && !user.IsInRole(Roles.HallGuide))
        {
            errors.Add("channel", "只有窗口受理员或帮办人员可以代为提交申请");
            return Channel.Counter;
        }

        return requested is "postal" && user.IsInRole(Roles.IntakeClerk) ? Channel.Postal
            : requested is "assisted" || user.IsInRole(Roles.HallGuide) ? Channel.Assisted : Channel.Counter;
    }

    /// <summary>政邮商: a case taken at the window from a 上门办 pickup names it; the pickup must be at this region's window, for this item, and not yet taken.</summary>
    private async Task<Guid?> CheckPickupAsync(Channel channel, Guid? pickupId, string itemCode, FieldErrors errors, CancellationToken ct)
    {
        if (channel != Channel.Postal)
        {
            if (pickupId is not null)
            {
                errors.Add("pickup", "上门收件的材料请以渠道 postal（政邮商）受理");
            }

            return null;
        }

        var p = pickupId is { } id ? await pickups.FindAsync(id, ct) : null;
        if (p is null)
        {
            errors.Add("pickup", "政邮商受理须关联上门收件单");
        }
        else if (!p.AtWindow || p.CaseId is not null)
        {
            errors.Add("pickup", p.CaseId is null ? $"上门收件单 {p.Number} 的材料尚未交到窗口" : $"上门收件单 {p.Number} 已受理");
        }
        else if (p.ItemCode != itemCode || p.RegionCode != user.RegionCode)
        {
            errors.Add("pickup", $"上门收件单 {p.Number} 不是本窗口的这个事项");
        }

        return p?.Id;
    }

    internal (string Kind, string Name, string Code, string Mobile) CheckApplicant(ApplicantInput? a, bool acceptsPersons, bool acceptsEnterprises, FieldErrors errors)
    {
        if (a is null)
        {
            errors.Add("applicant", "请填写申请人");
            return ("", "", "", "");
        }

        var kind = a.Kind?.Trim().ToLowerInvariant();
        if (kind is not ("person" or "enterprise"))
        {
            errors.Add("applicant.kind", "申请人类型应为 person（自然人）或 enterprise（法人）");
        }
        else if ((kind == "person" && !acceptsPersons) || (kind == "enterprise" && !acceptsEnterprises))
        {
            errors.Add("applicant.kind", kind == "person" ? "本事项只能由法人申请" : "本事项只能由自然人申请");
        }

        var check = kind == "enterprise" ? Uscc.Check(a.Uscc, divisions) : ResidentId.Check(a.IdNumber, divisions, clock.TodayInChina());
        foreach (var m in check.Errors)
        {
            errors.Add(kind == "enterprise" ? "applicant.uscc" : "applicant.idNumber", m);
        }

        var name = a.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            errors.Add("applicant.name", "请填写申请人姓名或名称（2 到 100 个字）");
        }
        else if (TextRules.NameProblem(name) is { } badName)
        {
            errors.Add("applicant.name", "申请人姓名或名称" + badName);
        }

        var mobile = Mobile.Check(a.Mobile);
        foreach (var m in mobile.Errors)
        {
            errors.Add("applicant.mobile", m);
        }

        return (kind ?? "", name, check.Normalized, mobile.Normalized);
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/", async Task<Results<Created<CaseCreated>, ProblemHttpResult>> (
                SubmitCaseRequest request, HttpRequest http, SubmitCase submit, CancellationToken ct) =>
            {
                var result = await submit.SubmitAsync(request, http.Headers["Idempotency-Key"].FirstOrDefault(), ct);
                if (!result.IsSuccess)
                {
                    return result.Error!.ToProblem();
                }

                // A replay answers exactly as the first submission did.
                var (created, _) = result.Value;
                return TypedResults.Created($"/api/v1/cases/{created.Id}", created);
            })
            .AcceptsIdempotencyKey().WithSummary("提交申请（Idempotency-Key 重试返回同一办件）");
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Features;
using OneWindow.Modules.Intake.Features.Transitions;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// One page for applying: a citizen or enterprise online (in their own name), a clerk at a general
/// counter or a helper for the applicant. The form comes from the item's schema; materials are
/// uploaded per item material; a clerk marks deferrable ones 容缺 and accepts on the spot.
/// </summary>
[Authorize]
internal sealed class NewCaseModel(
    ICatalogQueries catalog, SubmitCase submit, CaseActions actions, CaseMaterials materials, ILicenseLibrary licenses, AppDbContext db, ICurrentUser user)
    : PageModel
{
    public PublishedItem? Item { get; private set; }

    public bool AtCounter => user.IsStaff;

    [BindProperty]
    public ApplicantFields Applicant { get; set; } = new();

    [BindProperty]
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    [BindProperty]
    public List<string> Deferred { get; set; } = [];

    [BindProperty]
    public DateOnly? PledgeDueDate { get; set; }

    /// <summary>The applicant agrees that their valid licences stand in for materials (无证明).</summary>
    [BindProperty]
    public bool LicenseConsent { get; set; }

    /// <summary>告知承诺: the applicant signs the commitment letter (online) or signed it before the clerk (counter).</summary>
    [BindProperty]
    public bool PledgeApproval { get; set; }

    /// <summary>A 即办件 taken by a clerk holding 即办: decided and handed out at once (收件并当场即办).</summary>
    public bool DecidesAtCounter => AtCounter && Item is { Definition.CaseType: Catalog.Contracts.CaseType.Immediate, SoleApprover: true } && user.Holds(Qualifications.Immediate);

    /// <summary>The letter as the applicant would sign it now (shown for items that allow 告知承诺).</summary>
    public string? PledgeLetter => Item is { Definition.AllowsPledge: true } item ? InstantDecisions.PledgeLetter(item, Applicant.Name ?? "（申请人）", Applicant.Code ?? "") : null;

    public Dictionary<string, string[]> Values { get; private set; } = [];

    public Dictionary<string, Guid> Kept { get; private set; } = [];

    /// <summary>What the ID card reader typed into its box at the counter (读卡填入).</summary>
    [BindProperty]
    public string? CardReading { get; set; }

    /// <summary>The applicant's valid licences that can stand in for this item's materials (material code → licence), looked up for the page.</summary>
    public Dictionary<string, HeldLicense> Held { get; private set; } = [];

    /// <summary>The form's fields the applicant block answers at the counter: asked once, there.</summary>
    public IReadOnlySet<string> Answered => AtCounter ? Applicant.Answered(Item!.Definition.Form.Fields.Select(f => (f.Key, f.Type))) : new HashSet<string>();

    public string? Info { get; private set; }

    public FieldErrors Errors { get; } = new();

    public string? Message { get; private set; }

    public sealed class ApplicantFields
    {
        public string Kind { get; set; } = "person";

        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Mobile { get; set; }

        public ApplicantInput ToInput() => new(Kind, Kind == "person" ? Code : null, Kind == "enterprise" ? Code : null, Name, Mobile);

        /// <summary>The signed-in applicant's own details: online, one applies in one's own name.</summary>
        public static async Task<ApplicantFields> OfAccountAsync(AppDbContext db, string userId, CancellationToken ct)
        {
            var me = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
            return new ApplicantFields
            {
                Kind = me.Kind == AccountKind.Enterprise ? "enterprise" : "person", Code = me.IdentityCode, Name = me.DisplayName, Mobile = me.PhoneNumber,
            };
        }

        /// <summary>
        /// Which of the applicant's facts a form field asks for again, matched by type and meaning: a person's ID only into
        /// the applicant's own ID field (never a legal representative's or a spouse's), an enterprise's USCC only into a
        /// USCC field, the name into the applicant's or the enterprise's name as the applicant is one or the other.
        /// </summary>
        internal static string? Meaning(string key, string type, string kind) => (type, kind) switch
        {
            ("uscc", "enterprise") => nameof(Code),
            ("residentId", "person") when key is "residentId" or "applicantId" or "idNumber" => nameof(Code),
            ("mobile", _) when key is "mobile" or "contactMobile" => nameof(Mobile),
            _ => (key, kind) is ("applicantName", "person") or ("enterpriseName", "enterprise") or ("name", _) ? nameof(Name) : null,
        };

        private string? Fact(string? meaning) => meaning switch { nameof(Code) => Code, nameof(Name) => Name, nameof(Mobile) => Mobile, _ => null };

        /// <summary>只提交一次: the form's fields the applicant's details already answer, filled from them.</summary>
        public Dictionary<string, string[]> Prefill(IEnumerable<(string Key, string Type)> fields) =>
            fields.Select(f => (f.Key, Value: Fact(Meaning(f.Key, f.Type, Kind))))
                .Where(x => !string.IsNullOrEmpty(x.Value)).ToDictionary(x => x.Key, x => new[] { x.Value! });

        /// <summary>The form's fields the applicant block answers: at the counter they are asked once, there.</summary>
        public IReadOnlySet<string> Answered(IEnumerable<(string Key, string Type)> fields) =>
            fields.Where(f => Meaning(f.Key, f.Type, Kind) is not null).Select(f => f.Key).ToHashSet();
    }

    public IReadOnlyDictionary<string, string[]> FormErrors => Errors.Under("form.");

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refusal)
        {
            return refusal;
        }

        LicenseConsent = true;
        if (!AtCounter)
        {
            Applicant = await ApplicantFields.OfAccountAsync(db, user.UserId!, ct);
            Values = Applicant.Prefill(Item!.Definition.Form.Fields.Select(f => (f.Key, f.Type)));
            Ineligible = IneligibleReason(Item, Applicant.Kind);
            Held = await HeldAsync(ct);
        }
        else if (!Item!.AcceptsPersons)
        {
            Applicant.Kind = "enterprise";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string? act, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refusal)
        {
            return refusal;
        }

        if (!AtCounter)
        {
            Applicant = await ApplicantFields.OfAccountAsync(db, user.UserId!, ct);
            if (IneligibleReason(Item!, Applicant.Kind) is { } why)
            {
                Ineligible = why;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }

        Values = FormFieldsView.Posted(Item!.Definition.Form, Request.Form);
        var given = await materials.UploadAsync(Request.Form, Item.Definition.Region, Errors, ct);
        Kept = given.Where(m => m.FileId is not null).ToDictionary(m => m.MaterialCode!, m => m.FileId!.Value);
        if (AtCounter && act == "read")
        {
            return ReadCard();
        }

        if (AtCounter)
        {
            // Asked once: the applicant block answers the form's fields that mean the same facts.
            foreach (var (key, value) in Applicant.Prefill(Item.Definition.Form.Fields.Select(f => (f.Key, f.Type))))
            {
                Values[key] = value;
            }
        }

        Held = await HeldAsync(ct);
        CheckMaterialsHandedIn(given, AtCounter && act is "accept" or "decide");
        if (!Errors.Any)
        {
            var request = new SubmitCaseRequest(
                Item.Definition.Code,
                Applicant.ToInput(),
                null, given, null, LicenseConsent, PledgeApproval);
            var submitted = await submit.SubmitAsync(request, Values, Key, ct);
            if (submitted.IsSuccess)
            {
                var id = submitted.Value.Case.Id;
                TempData["message"] = $"申请已提交，办件编号 {submitted.Value.Case.Number}。";
                if (submitted.Value.Case.Status == Domain.CaseStatus.Approved)
                {
                    TempData["message"] = $"申请已提交并由系统当场准予（{(PledgeApproval ? "告知承诺" : "秒批")}），办件编号 {submitted.Value.Case.Number}。";
                }
                else if (AtCounter && act == "decide" && DecidesAtCounter)
                {
                    var decided = await actions.RunAsync(CaseTransitions.DecideAtCounter, id, new DecideAtCounterRequest(), null, ct);
                    TempData["message"] = decided.IsSuccess
                        ? $"即办件已当场准予并出件，办件编号 {submitted.Value.Case.Number}。"
                        : $"已收件（{submitted.Value.Case.Number}），但未能当场即办：{decided.Error!.Describe()}";
                }
                else if (AtCounter && act == "accept")
                {
                    var accepted = Deferred.Count > 0
                        ? await actions.RunAsync(CaseTransitions.AcceptWithDeferral, id, new AcceptWithDeferralRequest { Deferred = Deferred, PledgeDueDate = PledgeDueDate }, null, ct)
                        : await actions.RunAsync(CaseTransitions.Accept, id, new NoBody(), null, ct);
                    TempData["message"] = accepted.IsSuccess
                        ? $"已受理，办件编号 {submitted.Value.Case.Number}，承诺办结日期 {accepted.Value!.DueDate:yyyy-MM-dd}。"
                        : $"已收件（{submitted.Value.Case.Number}），但未能受理：{accepted.Error!.Describe()}";
                }

                return Redirect($"/cases/{id}");
            }

            Message = submitted.Error!.Detail is { } detail ? $"{submitted.Error.Title}：{detail}" : submitted.Error.Title;
            Errors.AddAll(submitted.Error);
        }

        Message ??= "有内容需要修改";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>读卡填入: the reader's output fills the applicant block; nothing is submitted.</summary>
    private PageResult ReadCard()
    {
        if (IdCardReading.Parse(CardReading) is { } card)
        {
            Applicant.Kind = "person";
            Applicant.Code = card.IdNumber;
            Applicant.Name = card.Name;
            CardReading = null;
            Info = $"已读取身份证：{card.Name}（{Mask.IdentityCode(card.IdNumber)}），请核对后继续。";
        }
        else
        {
            Errors.Add("cardReading", "未能识别读卡器的输出：应包含姓名和 18 位公民身份号码。请重新刷卡，或在下方手工填写。");
            Message = "读卡未成功";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The applicant's valid licences for the item's materials a licence can satisfy (none without a code).</summary>
    private async Task<Dictionary<string, HeldLicense>> HeldAsync(CancellationToken ct)
    {
        var capable = Item!.LicenseMaterials;
        if (capable.Count == 0 || string.IsNullOrWhiteSpace(Applicant.Code))
        {
            return [];
        }

        var held = await licenses.ValidAsync(Applicant.Code.Trim().ToUpperInvariant(), [.. capable.Values.Distinct()], ct);
        return capable.Where(c => held.Any(h => h.TypeCode == c.Value)).ToDictionary(c => c.Key, c => held.First(h => h.TypeCode == c.Value));
    }

    /// <summary>
    /// What is shown as 免提交 is not asked later: a required material a licence can stand in for is taken from a licence
    /// only when the applicant consents and holds one; otherwise it is asked for now, by name. At the counter, 收件并受理
    /// also needs every other required material scanned (or marked 容缺) before the case exists.
    /// </summary>
    private void CheckMaterialsHandedIn(IReadOnlyList<MaterialInput> given, bool accepting)
    {
        var handed = given.Select(m => m.MaterialCode).ToHashSet();
        var deferrable = Item!.DeferrableMaterials;
        foreach (var m in Item.Definition.Materials.Where(m => m.Required && m.Source != MaterialSource.Government && !handed.Contains(m.Code)
                                                                && !(PledgeApproval && m.Pledgeable)))
        {
            if (Item.LicenseMaterials.ContainsKey(m.Code))
            {
                if (LicenseConsent && Held.ContainsKey(m.Code))
                {
                    continue;
                }

                Errors.Add("materials." + m.Code, LicenseConsent
                    ? $"未在电子证照库找到申请人有效的「{m.Name}」（未持有、已失效或暂时无法调取），请上传该材料"
                    : $"请上传「{m.Name}」，或勾选同意调取电子证照");
            }
            else if (accepting && !(Deferred.Contains(m.Code) && deferrable.Contains(m.Code)))
            {
                Errors.Add("materials." + m.Code, $"受理前请扫描上传「{m.Name}」" + (deferrable.Contains(m.Code) ? "，或标记容缺" : ""));
            }
        }
    }

    /// <summary>Why this account may not apply for the item online (a person for a 法人-only item, …), or null.</summary>
    public string? Ineligible { get; private set; }

    internal static string? IneligibleReason(Catalog.Contracts.PublishedItem item, string accountKind) =>
        Catalog.Contracts.ApplicantEligibility.Refusal(item.Definition.ApplicantType, accountKind);

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        Item = await catalog.CurrentAsync(code, ct);
        if (Item is null)
        {
            return NotFound();
        }

        if (user.IsStaff && !user.IsInRole(Roles.IntakeClerk) && !user.IsInRole(Roles.HallGuide))
        {
            return Forbid();
        }

        return null;
    }
}

/// <summary>The applicant block of an application page (<c>_Applicant.cshtml</c>): one case or a 一件事.</summary>
/// <param name="CardReader">The counter's ID card reader box and its 读卡填入 button (the page handles <c>act=read</c>).</param>
internal sealed record ApplicantSection(NewCaseModel.ApplicantFields Applicant, bool AtCounter, FieldErrors Errors, bool CardReader = false);

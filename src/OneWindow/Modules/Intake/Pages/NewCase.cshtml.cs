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

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// One page for applying: a citizen or enterprise online (in their own name), a clerk at a general
/// counter or a helper for the applicant. The form comes from the item's schema; materials are
/// uploaded per item material; a clerk marks deferrable ones 容缺 and accepts on the spot.
/// </summary>
[Authorize]
internal sealed class NewCaseModel(ICatalogQueries catalog, SubmitCase submit, CaseActions actions, CaseMaterials materials, AppDbContext db, ICurrentUser user)
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

    public Dictionary<string, string[]> Values { get; private set; } = [];

    public Dictionary<string, Guid> Kept { get; private set; } = [];

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

        /// <summary>只提交一次: what the account already says fills the form's matching fields.</summary>
        /// <summary>
        /// The form's fields the account already answers, matched by type and meaning: a person's ID only into the
        /// applicant's own ID field (never a legal representative's or a spouse's), an enterprise's USCC only into a USCC
        /// field, the name into the applicant's or the enterprise's name as the account is one or the other.
        /// </summary>
        public Dictionary<string, string[]> Prefill(IEnumerable<(string Key, string Type)> fields) =>
            fields.Select(f => (f.Key, Value: (f.Type, Kind) switch
                {
                    ("uscc", "enterprise") => Code,
                    ("residentId", "person") when f.Key is "residentId" or "applicantId" or "idNumber" => Code,
                    ("mobile", _) when f.Key is "mobile" or "contactMobile" => Mobile,
                    _ => (f.Key, Kind) is ("applicantName", "person") or ("enterpriseName", "enterprise") or ("name", _) ? Name : null,
                }))
                .Where(x => !string.IsNullOrEmpty(x.Value)).ToDictionary(x => x.Key, x => new[] { x.Value! });
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
        if (!Errors.Any)
        {
            var request = new SubmitCaseRequest(
                Item.Definition.Code,
                Applicant.ToInput(),
                null, given, null, LicenseConsent);
            var submitted = await submit.SubmitAsync(request, Values, Key, ct);
            if (submitted.IsSuccess)
            {
                var id = submitted.Value.Case.Id;
                TempData["message"] = $"申请已提交，办件编号 {submitted.Value.Case.Number}。";
                if (AtCounter && act == "accept")
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

            Message = submitted.Error!.Title;
            Errors.AddAll(submitted.Error);
        }

        Message ??= "有内容需要修改";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
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
internal sealed record ApplicantSection(NewCaseModel.ApplicantFields Applicant, bool AtCounter, FieldErrors Errors);

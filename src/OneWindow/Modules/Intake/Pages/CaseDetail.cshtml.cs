using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Intake.Features;
using OneWindow.Modules.Intake.Features.Transitions;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// The case page: progress, materials, form, 一次性告知 and the timeline for everyone who may see
/// the case; and, for whoever may act now, the action forms (受理, 容缺受理, 补正告知, 不予受理, 审查,
/// 决定 with opinion, 办结出件, 补正, 补齐容缺材料, 撤回). Every action carries the version the person
/// saw: if someone else acted meanwhile, the page says so instead of overwriting.
/// </summary>
[Authorize]
internal sealed class CaseDetailModel(CaseActions actions, CaseMaterials materials, ICatalogQueries catalog, Features.Notices.CaseNotices notices, AppDbContext db) : PageModel
{
    private string _region = "";

    public CaseView? Case { get; private set; }

    public PublishedItem? Item { get; private set; }

    public IReadOnlySet<CaseTransition> Permitted { get; private set; } = new HashSet<CaseTransition>();

    private IReadOnlySet<CaseTransition> _theirs = new HashSet<CaseTransition>();

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public FieldErrors Errors { get; } = new();

    /// <summary>文书 issued on the case: printed at the counter, downloaded by the applicant.</summary>
    public IReadOnlyList<Features.Notices.NoticeSummary> Notices { get; private set; } = [];

    public string MaterialName(string code) => Item?.Definition.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public string FieldLabel(string key) => Item?.Definition.Form.Fields.FirstOrDefault(f => f.Key == key)?.Label ?? key;

    /// <summary>Whether this person may take the action now (theirs to take, and open in the case's present state).</summary>
    public bool Can(CaseTransition step) => Case is not null && Permitted.Contains(step);

    /// <summary>The clerk holds 即办 (the 当场即办 form is offered only then).</summary>
    public bool HoldsImmediate => actions.HoldsImmediate;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // Theirs to take, though perhaps no longer open: a page left open while a colleague acted gets the transition's 409.
        if (CaseTransitions.ByRoute(act) is not { } step || !_theirs.Contains(step))
        {
            return Forbid();
        }

        var body = await BodyAsync(step, ct);
        if (!Errors.Any)
        {
            var result = await actions.RunPostedAsync(step, id, body, version, ct);
            if (result.IsSuccess)
            {
                TempData["message"] = $"已{Done(step)}。办件状态：{result.Value!.StatusLabel}";
                return Redirect($"/cases/{id}");
            }

            Problem = result.Error!.Describe();
            Response.StatusCode = result.Error!.Kind switch
            {
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
        }
        else
        {
            Problem = string.Join("；", Errors.Under("").SelectMany(e => e.Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private static string Done(CaseTransition step) => step switch
    {
        RequestSupplement => "发出一次性告知", Supplement => "提交补正材料", Review => "提交审查意见", Deny => "作出不予许可决定",
        Complete => "办结出件", Withdraw => "撤回申请", DecideAtCounter => "当场准予并出件", _ => step.What,
    };

    /// <summary>The step's request, from the posted form.</summary>
    private async Task<object> BodyAsync(CaseTransition step, CancellationToken ct)
    {
        var f = Request.Form;
        string? Text(string name) => f[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;

        // The mailing address the form gave (none when every field is empty).
        PostalAddressInput? PostedAddress() =>
            Text("recipient") is null && Text("recipientMobile") is null && Text("regionCode") is null && Text("line") is null
                ? null
                : new PostalAddressInput(Text("recipient"), Text("recipientMobile"), Text("regionCode"), Text("line"));

        switch (step)
        {
            case AcceptWithDeferral:
                return new AcceptWithDeferralRequest
                {
                    Deferred = [.. f["deferred"].OfType<string>()],
                    PledgeDueDate = DateOnly.TryParse(Text("pledgeDueDate"), out var pledge) ? pledge : null,
                };
            case RequestSupplement:
                var items = f["deficient"].OfType<string>().Select(code => new DeficiencyItem(code, Text("reason." + code) ?? "")).ToList();
                if (Text("reason.other") is { } other)
                {
                    items.Add(new DeficiencyItem("", other));
                }

                return new SupplementRequest { Items = items };
            case Supplement or FulfilPledge:
                var uploaded = await materials.UploadAsync(f, _region, Errors, ct);
                return new MaterialsRequest { Materials = [.. uploaded] };
            case Decline or Deny:
                return new ReasonRequest { Reason = Text("reason") };
            case Review:
                return new ReviewRequest
                {
                    Opinion = Text("opinion"),
                    Recommendation = Enum.TryParse<Recommendation>(Text("recommendation"), ignoreCase: true, out var r) ? r : null,
                };
            case Grant:
                return new OpinionRequest { Opinion = Text("opinion") };
            case Withdraw:
                return new WithdrawRequest { Reason = Text("reason"), Confirmed = Text("confirmed") == "true" };
            case Complete:
                return new CompleteRequest { Delivery = Text("delivery") == "post" ? ResultDelivery.Post : ResultDelivery.Counter, Address = PostedAddress() };
            case DecideAtCounter:
                return new DecideAtCounterRequest
                {
                    Opinion = Text("opinion"), Delivery = Text("delivery") == "post" ? ResultDelivery.Post : ResultDelivery.Counter, Address = PostedAddress(),
                };
            default:
                return new NoBody();
        }
    }

    /// <summary>Whether the person looking is not the applicant (a clerk withdrawing for them gives a reason and confirms).</summary>
    public bool IsStaffView { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await actions.GetAsync(id, ct);
        if (!view.IsSuccess)
        {
            return false;
        }

        Case = view.Value;
        var entity = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == id, ct);
        Permitted = actions.Permitted(entity);
        _theirs = actions.Theirs(entity);
        _region = entity.RegionCode;
        IsStaffView = !actions.IsApplicantOf(entity);
        Item = await catalog.VersionAsync(entity.ItemVersionId, ct);
        Notices = (await notices.ListAsync(id, ct)) is { IsSuccess: true } listed ? listed.Value! : [];
        return true;
    }
}

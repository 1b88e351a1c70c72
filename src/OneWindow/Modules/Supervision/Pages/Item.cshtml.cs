using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Supervision.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Supervision.Pages;

/// <summary>One pushed approval: its facts, the claim, the inspection results and measures (暂停/吊销/行业禁入 …) fed back.</summary>
[Authorize(Policy = Policies.Supervision)]
internal sealed class ItemModel(SupervisionItems items, ICurrentUser user) : Platform.Web.FormPage
{
    public SupervisionItemView? Item { get; private set; }

    [BindProperty]
    public FeedbackForm Input { get; set; } = new();

    public bool MayAct => Item is not null && user.IsInRole(Roles.Inspector) && Item.SupervisingDepartment == user.DepartmentCode;

    internal sealed record FeedbackForm
    {
        public string? Measure { get; init; }

        public string? Reason { get; init; }

        public int? BanYears { get; init; }

        public string? BannedItemKinds { get; init; }

        public decimal? FineAmount { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Item = await items.FindAsync(id, ct);
        return Item is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, int version, CancellationToken ct) => await AfterAsync(id, await items.ClaimAsync(id, version, ct), "已认领", ct);

    public async Task<IActionResult> OnPostFeedbackAsync(Guid id, int version, CancellationToken ct) =>
        await AfterAsync(id, await items.FeedbackAsync(id, new FeedbackInput
        {
            Measure = Input.Measure, Reason = Input.Reason, BanYears = Input.BanYears, FineAmount = Input.FineAmount,
            BannedItemKinds = Input.BannedItemKinds?.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        }, version, ct), "监管结果已反馈审批部门", ct);

    private async Task<IActionResult> AfterAsync(Guid id, Result<SupervisionItemView> r, string done, CancellationToken ct)
    {
        if (r.IsSuccess)
        {
            Message = done;
            return Redirect($"/supervision/{id}");
        }

        Refused(r.Error!);
        Item = await items.FindAsync(id, ct);
        return Item is null ? NotFound() : Page();
    }
}

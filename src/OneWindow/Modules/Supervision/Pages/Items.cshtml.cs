using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Supervision.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Supervision.Pages;

/// <summary>审管联动: the approvals pushed to the officer's department (every department's for supervisors), with 认领 in the row.</summary>
[Authorize(Policy = Policies.Supervision)]
internal sealed class ItemsModel(SupervisionItems items, ICurrentUser user) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<SupervisionItemView> Results { get; private set; } = Page<SupervisionItemView>.Empty(20);

    public bool IsInspector => user.IsInRole(Roles.Inspector);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var r = await items.ListAsync(IsInspector ? null : Department, Status, Math.Max(1, PageNumber), 20, ct);
        if (r.IsSuccess)
        {
            Results = r.Value!;
        }
        else
        {
            Refused(r.Error!);
        }
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, int version, CancellationToken ct)
    {
        var r = await items.ClaimAsync(id, version, ct);
        if (r.IsSuccess)
        {
            Message = $"已认领：{r.Value!.ItemName}（{r.Value.CaseNumber}）";
            return Redirect($"/supervision/{id}");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}

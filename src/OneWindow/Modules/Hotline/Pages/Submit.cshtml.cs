using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>网上 12345: a signed-in citizen files a request (the web channel) and follows their own orders, with the reply and a link to rate it.</summary>
[Authorize(Policy = Policies.Applicant)]
internal sealed class SubmitModel(WorkOrders orders, ICurrentUser user) : HotlinePage
{
    [BindProperty]
    public string Type { get; set; } = "complaint";

    [BindProperty]
    public string? CategoryCode { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool Confidential { get; set; }

    [BindProperty]
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public Page<WorkOrderView> Mine { get; private set; } = Page<WorkOrderView>.Empty(20);

    private async Task LoadAsync(CancellationToken ct) => Mine = (await orders.ListAsync(null, null, null, 1, 20, ct)).Value ?? Mine;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await orders.CreateAsync(new WorkOrderInput("web", Type, CategoryCode, new CallerInput(user.DisplayName, Phone, null), Confidential, Text,
            new LocationInput(Address, null, null), "normal", null), Key, ct);
        if (r.IsSuccess)
        {
            Message = $"已提交，工单编号 {r.Value!.Number}，{r.Value.DueAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd} 前答复";
            return Redirect("/hotline/submit");
        }

        await LoadAsync(ct);
        Refused(r.Error!);
        return Page();
    }
}

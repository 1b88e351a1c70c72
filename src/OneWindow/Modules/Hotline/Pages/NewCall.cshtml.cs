using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>
/// 坐席受理台: the new-call form, the caller's earlier orders (looked up by the number calling), and a 知识库 search
/// beside it. Saving takes the order (one Idempotency-Key per form, so a double click makes one order) and opens it, where
/// the suggested departments wait.
/// </summary>
[Authorize(Roles = Roles.HotlineAgent)]
internal sealed class NewCallModel(WorkOrders orders, Knowledge knowledge) : HotlinePage
{
    [BindProperty(SupportsGet = true)]
    public string? Phone { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string Type { get; set; } = "complaint";

    [BindProperty]
    public string? CategoryCode { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public bool Confidential { get; set; }

    [BindProperty]
    public bool Urgent { get; set; }

    [BindProperty]
    public string Key { get; set; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<WorkOrderView> History { get; private set; } = [];

    public KnowledgeResults? Found { get; private set; }

    public static IEnumerable<(string Code, string Path)> Categories => HotlineCategories.Leaves.Select(c => (c.Code, HotlineCategories.PathOf(c.Code)));

    public static readonly (string Value, string Label)[] Types =
        [("complaint", "投诉"), ("help", "求助"), ("consultation", "咨询"), ("report", "举报"), ("suggestion", "建议"), ("praise", "表扬")];

    private async Task LoadAsync(CancellationToken ct)
    {
        History = await orders.CallerHistoryAsync(Phone, ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Found = (await knowledge.SearchAsync(Q, 5, ct)).Value;
        }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await orders.CreateAsync(new WorkOrderInput("phone", Type, CategoryCode, new CallerInput(Name, Phone, IdNumber), Confidential, Text,
            new LocationInput(Address, null, null), Urgent ? "urgent" : "normal", null), Key, ct);
        if (r.IsSuccess)
        {
            Message = $"已受理，工单编号 {r.Value!.Number}（请告知来电人）";
            return Redirect($"/hotline/orders/{r.Value.Id}");
        }

        await LoadAsync(ct);
        Refused(r.Error!);
        return Page();
    }
}

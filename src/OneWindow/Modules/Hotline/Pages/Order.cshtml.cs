using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>
/// One work order: its facts (the caller as the viewer may see them), its timeline, and the steps the viewer may take now,
/// each a form posting to the same <see cref="WorkOrders"/> methods as the API (If-Match is the version the page showed).
/// For a new order the agent sees the suggested departments, possible duplicates and a 知识库 search to answer from.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class OrderModel(WorkOrders orders, Knowledge knowledge, IDepartmentDirectory departments, ICurrentUser user) : HotlinePage
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>知识库 search for the answer form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public WorkOrderView? Order { get; private set; }

    public IReadOnlyList<DepartmentSuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    public KnowledgeResults? Answers { get; private set; }

    public bool IsAgent => user.IsInRole(Roles.HotlineAgent);

    public bool IsSupervisor => user.IsInRole(Roles.Supervisor);

    public bool IsLead => Order is { LeadDepartment: { } d } && user.DepartmentCode == d && user.IsStaff;

    public bool Can(string status) => Order?.Status.ToString() == status;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var r = await orders.GetAsync(Id, ct);
        if (!r.IsSuccess)
        {
            return false;
        }

        Order = r.Value!;
        if (IsAgent && Order.Status == Domain.WorkOrderStatus.Received)
        {
            Suggestions = (await orders.SuggestAsync(Id, ct)).Value ?? [];
            var all = (await departments.SearchAsync(null, null, 1, 100, ct)).Items;
            Departments = [.. all.Where(d => Regions.Covers(Order.RegionCode, d.RegionCode) || Regions.Covers(d.RegionCode, Order.RegionCode))];
            if (Order.Type == Domain.WorkOrderType.Consultation)
            {
                Answers = (await knowledge.SearchAsync(string.IsNullOrWhiteSpace(Q) ? Order.Category.Split(" > ")[^1] : Q, 5, ct)).Value;
            }
        }

        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(
        string step, int version, string? lead, string? leadOther, string? assisting, string? reason, string? reply, bool? accept, int? workingDays, string? notice, Guid? parentId,
        string? answer, Guid? articleId, CancellationToken ct)
    {
        var r = step switch
        {
            "dispatch" => await orders.DispatchAsync(Id, new DispatchInput(string.IsNullOrWhiteSpace(leadOther) ? lead : leadOther, [.. (assisting ?? "").Split(',', '，', ' ').Where(a => a.Length > 0)]), version, ct),
            "sign" => await orders.SignAsync(Id, version, ct),
            "return" => await orders.ReturnAsync(Id, new ReasonInput(reason), version, ct),
            "reply" => await orders.ReplyAsync(Id, new ReplyInput(reply, null), version, ct),
            "review" => await orders.ReviewAsync(Id, new ReviewInput(accept, reason), version, ct),
            "extend" => await orders.ExtendAsync(Id, new ExtendInput(workingDays, reason), version, ct),
            "supervise" => await orders.SuperviseAsync(Id, new SuperviseInput(notice), version, ct),
            "acknowledge" => await orders.AcknowledgeAsync(Id, version, ct),
            "merge" => await orders.MergeAsync(Id, new MergeInput(parentId), version, ct),
            "close" => await orders.CloseAsync(Id, new CloseInput(reason), version, ct),
            "answer" => await orders.AnswerAsync(Id, new AnswerInput(articleId, answer), version, ct),
            _ => Error.Field("step", "未知的办理步骤"),
        };
        if (r.IsSuccess)
        {
            Message = $"已保存：{r.Value!.StatusLabel}";
            // A department that returned the order no longer sees it: back to its inbox.
            return r.Value.Status == Domain.WorkOrderStatus.Received && step == "return" ? Redirect("/hotline") : Redirect($"/hotline/orders/{Id}");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Refused(r.Error!);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Callbacks.Features;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Pages;

/// <summary>回访坐席: the day's callback list of the agent's region (a county's line its county, the city's every region), by status; an administrator builds a day's list here.</summary>
[Authorize(Policy = Policies.CallbackCentre)]
internal sealed class ConsoleModel(CallbackTasks tasks, CallbackLists lists, ICurrentUser user, TimeProvider clock) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DateOnly ShownDate { get; private set; }

    public Page<CallbackTaskView> Results { get; private set; } = Page<CallbackTaskView>.Empty(50);

    public bool IsAdmin => user.IsInRole(Roles.Admin);

    private async Task LoadAsync(CancellationToken ct)
    {
        ShownDate = Date ?? await tasks.DefaultDateAsync(ct);
        var r = await tasks.ListAsync(new CallbackQuery(ShownDate, Status, null, Mine, Math.Max(1, PageNumber), 50), ct);
        if (r.IsSuccess)
        {
            Results = r.Value!;
        }
        else
        {
            Refused(r.Error!);
        }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostBuildAsync(DateOnly? listDate, CancellationToken ct)
    {
        if (!IsAdmin)
        {
            return Forbid();
        }

        var r = await lists.BuildAsync(listDate ?? clock.TodayInChina(), ct);
        if (r.IsSuccess)
        {
            var v = r.Value!;
            Message = $"{v.Date:yyyy-MM-dd} 的回访清单（{v.ServiceDate:yyyy-MM-dd} 办结的服务 {v.Services} 件）：新增任务 {v.Created} 件，未列入 {v.Skipped} 件"
                      + $"（已列入 {v.AlreadyListed}、已评价 {v.Rated}、免打扰 {v.DoNotCall}、无电话 {v.NoPhone}、同一号码 {v.SamePhone}、未抽中 {v.SampledOut}）";
            return Redirect($"/callbacks?date={v.Date:yyyy-MM-dd}");
        }

        Refused(r.Error!);
        await LoadAsync(ct);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Queue.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>
/// 窗口工作台: the officer signs in at the counter, calls the next person, recalls, marks a no-show,
/// transfers, serves and finishes (linking the cases accepted), takes a break, signs out. Every button is
/// a plain form post; the page works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.Staff)]
internal sealed class CounterDeskModel(Halls halls, HallQueue queue, HallDisplay display, ICaseRecords cases) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public CounterView? Counter { get; private set; }

    public HallView? Hall { get; private set; }

    public TicketView? Current { get; private set; }

    public DisplayView? Display { get; private set; }

    public IReadOnlyList<CounterView> Others { get; private set; } = [];

    /// <summary>Whether the person looking is the officer signed in here (only they act).</summary>
    public bool IsMine { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Counter = await halls.CounterAsync(Id, ct);
        if (Counter is null)
        {
            return false;
        }

        Hall = await halls.FindAsync(Counter.HallId, ct);
        IsMine = (await halls.MyCounterAsync(ct))?.Id == Id;
        Others = [.. (await halls.CountersAsync(Counter.HallId, ct)).Where(c => c.Id != Id)];
        Display = await display.ViewAsync(Counter.HallId, ct);
        if (Counter.CurrentTicketId is { } current && (await queue.FindAsync(current, null, ct)) is { IsSuccess: true } t)
        {
            Current = t.Value;
        }

        return true;
    }

    private async Task<IActionResult> AfterAsync<T>(Result<T> result, string done, CancellationToken ct)
    {
        if (result.IsSuccess)
        {
            Message = done;
            return Redirect($"/counters/{Id}");
        }

        Problem = result.Error!.Describe();
        Response.StatusCode = Problems.StatusOf(result.Error.Kind);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSignInAsync(CancellationToken ct) => await AfterAsync(await halls.SignInAsync(Id, ct), "已签到，窗口开始服务。", ct);

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken ct) => await AfterAsync(await halls.SignOutAsync(Id, ct), "已签退。", ct);

    public async Task<IActionResult> OnPostBreakAsync(CancellationToken ct) => await AfterAsync(await halls.BreakAsync(Id, ct), "窗口暂停服务。", ct);

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct) => await AfterAsync(await halls.ResumeAsync(Id, ct), "窗口恢复服务。", ct);

    public async Task<IActionResult> OnPostCallNextAsync(CancellationToken ct)
    {
        var called = await queue.CallNextAsync(Id, ct);
        if (called.IsSuccess && called.Value is null)
        {
            Message = "当前没有等候本窗口的群众。";
            return Redirect($"/counters/{Id}");
        }

        return await AfterAsync(called, called.Value is { } t ? $"已叫号 {t.Number}。" : "", ct);
    }

    public async Task<IActionResult> OnPostRecallAsync(Guid ticket, CancellationToken ct)
    {
        var r = await queue.RecallAsync(ticket, ct);
        return await AfterAsync(r, r.Value?.Status == Domain.TicketStatus.NoShow ? $"{r.Value.Number} 多次呼叫未到，已过号。" : "已重呼。", ct);
    }

    public async Task<IActionResult> OnPostNoShowAsync(Guid ticket, CancellationToken ct) => await AfterAsync(await queue.NoShowAsync(ticket, ct), "已过号。", ct);

    public async Task<IActionResult> OnPostStartAsync(Guid ticket, CancellationToken ct) => await AfterAsync(await queue.StartAsync(ticket, ct), "开始办理。", ct);

    public async Task<IActionResult> OnPostTransferAsync(Guid ticket, string? target, CancellationToken ct)
    {
        var input = Guid.TryParse(target, out var counter) ? new TransferTicket { CounterId = counter } : new TransferTicket { Group = target };
        return await AfterAsync(await queue.TransferAsync(ticket, input, ct), "已转移。", ct);
    }

    public async Task<IActionResult> OnPostFinishAsync(Guid ticket, string? caseNumbers, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var unknown = new List<string>();
        foreach (var number in (caseNumbers ?? "").Split([',', '，', ' ', '\n', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (await cases.IdOfNumberAsync(number, ct) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                unknown.Add(number);
            }
        }

        if (unknown.Count > 0)
        {
            return await AfterAsync<TicketView>(Error.Field("caseNumbers", $"找不到办件：{string.Join("、", unknown)}"), "", ct);
        }

        return await AfterAsync(await queue.FinishAsync(ticket, new FinishTicket { CaseIds = ids }, ct), ids.Count > 0 ? $"已办结，关联办件 {ids.Count} 件；请群众在评价器上评价。" : "已办结；请群众在评价器上评价。", ct);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Callbacks.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Pages;

/// <summary>One callback: what happened (item, department, dates, on time, 补正/容缺, who served), the calls so far, and the script to record this call.</summary>
[Authorize(Policy = Policies.CallbackCentre)]
internal sealed class TaskModel(CallbackTasks tasks, ICurrentUser user) : Platform.Web.FormPage
{
    public CallbackTaskView? Task { get; private set; }

    public bool IsAgent => user.IsInRole(Roles.CallbackAgent);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Task = await tasks.FindAsync(id, ct);
        return Task is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(
        Guid id, CallOutcome? outcome, int? attitude, int? process, int? efficiency, bool? doneInOneVisit, string? comment, int? level, bool doNotCall, int version,
        CancellationToken ct)
    {
        var input = new AttemptInput
        {
            Outcome = outcome, Level = level, DoNotCall = doNotCall,
            Answers = outcome == CallOutcome.Reached
                ? new CallbackAnswers { Attitude = attitude, Process = process, Efficiency = efficiency, DoneInOneVisit = doneInOneVisit, Comment = comment }
                : null,
        };
        var r = await tasks.AttemptAsync(id, input, version, ct);
        if (r.IsSuccess)
        {
            Message = $"已记录：{CallbackTask.LabelOf(outcome!.Value)}（{r.Value!.StatusLabel}）"
                      + (r.Value.RectificationId is not null ? "，已生成整改" : "");
            return Redirect($"/callbacks?date={r.Value.ListDate:yyyy-MM-dd}");
        }

        Refused(r.Error!);
        Task = await tasks.FindAsync(id, ct);
        return Task is null ? NotFound() : Page();
    }
}

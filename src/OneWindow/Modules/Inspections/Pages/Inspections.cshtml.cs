using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Inspections.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Inspections.Pages;

/// <summary>
/// 勘验: a department's inspections (open first), arranging one for a case by its number, the checklist and conclusion form, the
/// sealed report, and the travel remote inspections saved. Evidence files (photos, the recording) are uploaded through the API.
/// </summary>
[Authorize]
internal sealed class InspectionsModel(InspectionWork work, TimeProvider clock) : Platform.Web.FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public OpenInspectionInput Input { get; set; } = new();

    public Page<InspectionView> Results { get; private set; } = Page<InspectionView>.Empty(20);

    public DistanceReport? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await work.ListAsync(null, Status, 1, 50, ct);
        var today = Platform.Data.Timestamps.TodayInChina(clock);
        Saved = await work.DistanceAsync(today.AddDays(-29), today, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct) =>
        await Done(await work.OpenAsync(Input, ct), v => $"已安排{v.ModeLabel}：{v.CaseNumber}（办件计时暂停）", ct);

    public async Task<IActionResult> OnPostConcludeAsync(Guid id, int version, string? conclusion, string? findings, List<string>? ok, CancellationToken ct)
    {
        var i = await work.ViewAsync(id, ct);
        var checklist = i?.ChecklistPoints.Select((p, n) => new ChecklistInput(p, ok?.Contains(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) == true, null)).ToList();
        return await Done(await work.ConcludeAsync(id, new ConcludeInspectionInput { Conclusion = conclusion, Findings = findings, Checklist = checklist }, version, ct),
            v => $"勘验报告 {v.ReportNumber} 已盖章出具", ct);
    }

    private async Task<IActionResult> Done(Result<InspectionView> r, Func<InspectionView, string> message, CancellationToken ct)
    {
        if (r.IsSuccess)
        {
            Message = message(r.Value!);
            return Redirect("/inspections");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}

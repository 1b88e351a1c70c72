using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Callbacks.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Pages;

/// <summary>
/// 办不成事: the form (a citizen for themselves; a window officer or 12345 agent for a citizen, with name and phone) and the
/// reports — a citizen's own (with the rating link once closed), the region's for staff, with 接单 and 办结 for the officers.
/// </summary>
[Authorize]
internal sealed class UnresolvedModel(UnresolvedReports reports, OneWindow.Modules.Ratings.Contracts.IRatingLookup ratings, ICurrentUser user) : Platform.Web.FormPage
{
    [BindProperty]
    public UnresolvedReportInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<UnresolvedReportView> Results { get; private set; } = Page<UnresolvedReportView>.Empty(20);

    public bool IsStaff => user.IsStaff;

    public bool IsOfficer => reports.IsOfficer;

    public string? UserId => user.UserId;

    /// <summary>The citizen's own rating of each closed report (the link to rate is offered once).</summary>
    public Dictionary<Guid, int?> Rated { get; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Results = await reports.ListAsync(Status, null, Math.Max(1, PageNumber), 20, ct);
        if (!IsStaff)
        {
            foreach (var x in Results.Items.Where(x => x.Status is Domain.ReportStatus.Solved or Domain.ReportStatus.Explained))
            {
                Rated[x.Id] = await ratings.LevelAsync(UnresolvedReports.Type, x.Id, ct);
            }
        }
    }

    /// <summary>From the 办不成事 window's counter page: the phone of the ticket being served, for the officer's form.</summary>
    public Task OnGetAsync(string? phone, CancellationToken ct)
    {
        if (IsStaff && !string.IsNullOrWhiteSpace(phone))
        {
            Input = Input with { Phone = phone.Trim() };
        }

        return LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await reports.SubmitAsync(Input, ct);
        if (r.IsSuccess)
        {
            Message = $"已登记办不成事诉求 {r.Value!.Number}，将在 {r.Value.TakeBy:M 月 d 日}前由专人接单，{r.Value.DueDate:M 月 d 日}前答复。";
            return Redirect("/unresolved");
        }

        Refused(r.Error!);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTakeAsync(Guid id, int version, CancellationToken ct) => await AfterAsync(await reports.TakeAsync(id, version, ct), "已接单", ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, bool? solved, string? outcome, string? legalBasis, int version, CancellationToken ct) =>
        await AfterAsync(await reports.CloseAsync(id, new ReportCloseInput { Solved = solved, Outcome = outcome, LegalBasis = legalBasis }, version, ct), "已办结", ct);

    private async Task<IActionResult> AfterAsync(Result<UnresolvedReportView> r, string done, CancellationToken ct)
    {
        if (r.IsSuccess)
        {
            Message = $"{r.Value!.Number}：{done}";
            return Redirect("/unresolved");
        }

        Refused(r.Error!);
        await LoadAsync(ct);
        return Page();
    }
}

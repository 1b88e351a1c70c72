using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Intake.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Pages;

/// <summary>
/// Staff queue (/workbench/cases) and the applicant's own list (/my/cases): one listing over
/// <see cref="CaseQueries"/>, filtered, sorted by due date (yellow 预警, red 超期), paged, and
/// exportable as CSV.
/// </summary>
[Authorize]
internal class CaseListModel(CaseQueries queries, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Deadline { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<CaseSummary> Cases { get; private set; } = Page<CaseSummary>.Empty(20);

    public string? Problem { get; private set; }

    public bool Staff => user.IsStaff;

    protected virtual string DefaultView => "todo";

    public string Link(int? page = null, string? view = null, string? deadline = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["view"] = view ?? View, ["status"] = Status, ["deadline"] = deadline ?? Deadline, ["q"] = Q, ["sort"] = Sort, ["page"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View ??= DefaultView;
        var result = await queries.ListAsync(new CaseQuery(View, Status, Deadline, Q, Sort, Math.Max(1, PageNumber)), ct);
        if (result.IsSuccess)
        {
            Cases = result.Value!;
        }
        else
        {
            Problem = result.Error!.Describe();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The whole filtered list as CSV (UTF-8 with BOM, for spreadsheet programs).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        View ??= DefaultView;
        var csv = new CsvText(["办件编号", "事项编码", "事项名称", "申请人", "证件号码", "状态", "提交时间", "承诺办结日期", "时限"]);
        for (var page = 1; ; page++)
        {
            var result = await queries.ListAsync(new CaseQuery(View, Status, Deadline, Q, Sort, page, 200), ct);
            if (!result.IsSuccess)
            {
                return BadRequest(result.Error!.Describe());
            }

            foreach (var c in result.Value!.Items)
            {
                string[] cells = [c.Number, c.ItemCode, c.ItemName, c.ApplicantName, c.ApplicantCode, c.StatusLabel,
                    c.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    c.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", DeadlineLabel(c.DeadlineState)];
                csv.Add(cells);
            }

            if (page >= result.Value.Pages)
            {
                break;
            }
        }

        return File(csv.ToBytes(), CsvText.ContentType, "办件清单.csv");
    }

    public static string DeadlineLabel(Domain.DeadlineState state) => state switch
    {
        Domain.DeadlineState.Warning => "预警",
        Domain.DeadlineState.Overdue => "超期",
        _ => "正常",
    };
}

[Authorize(Policy = Policies.Staff)]
internal sealed class CaseQueueModel(CaseQueries queries, ICurrentUser user) : CaseListModel(queries, user);

internal sealed class MyCasesModel(CaseQueries queries, ICurrentUser user) : CaseListModel(queries, user)
{
    protected override string DefaultView => "mine";
}

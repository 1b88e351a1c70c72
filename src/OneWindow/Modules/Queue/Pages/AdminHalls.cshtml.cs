using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Modules.Queue.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>大厅设置 (admins): the halls with their item groups and counters; a new hall, a new counter.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class AdminHallsModel(Halls halls, IDepartmentDirectory departments, ICurrentUser user) : PageModel
{
    public IReadOnlyList<HallView> Halls { get; private set; } = [];

    public IReadOnlyDictionary<Guid, IReadOnlyList<CounterView>> Counters { get; private set; } = new Dictionary<Guid, IReadOnlyList<CounterView>>();

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Problem { get; private set; }

    /// <summary>The hall a counter form was posted for (its errors show there).</summary>
    public Guid? ForHall { get; private set; }

    [TempData]
    public string? Message { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Halls = await halls.ListAsync(null, ct);
        var counters = new Dictionary<Guid, IReadOnlyList<CounterView>>();
        foreach (var h in Halls)
        {
            counters[h.Id] = await halls.CountersAsync(h.Id, ct);
        }

        Counters = counters;
        Departments = [.. (await departments.SearchAsync(null, null, 1, 500, ct)).Items];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>
    /// Item groups, one per line: letter, name, then optionally the department codes (comma-separated),
    /// the usual minutes per service and the appointments per half hour — e.g.
    /// <c>B 企业开办 371600-SCJ,371600-SWJ 15 4</c>.
    /// </summary>
    internal static List<QueueGroup> ParseGroups(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
            var numbers = parts.Skip(2).Where(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
            var departmentCodes = parts.Skip(2).Where(p => p.Contains('-', StringComparison.Ordinal)).SelectMany(p => p.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries)).ToList();
            return new QueueGroup
            {
                Code = parts.ElementAtOrDefault(0)?.ToUpperInvariant() ?? "", Name = parts.ElementAtOrDefault(1) ?? "", Departments = departmentCodes,
                ServiceMinutes = numbers.Count > 0 ? numbers[0] : 10, SlotCapacity = numbers.Count > 1 ? numbers[1] : 4,
            };
        })];

    public async Task<IActionResult> OnPostHallAsync(
        string? name, string? regionCode, string? address, TimeOnly? opensAt, TimeOnly? closesAt, bool openEveryDay, string? groups, CancellationToken ct)
    {
        var r = await halls.CreateAsync(new HallInput
        {
            Name = name, RegionCode = string.IsNullOrWhiteSpace(regionCode) ? user.RegionCode : regionCode, Address = address, OpensAt = opensAt, ClosesAt = closesAt,
            OpenEveryDay = openEveryDay, Groups = ParseGroups(groups),
        }, ct);
        if (r.IsSuccess)
        {
            Message = $"已新建大厅：{r.Value!.Name}（业务分区 {string.Join("、", r.Value.Groups.Select(g => g.Code + " " + g.Name))}）";
            return Redirect("/admin/halls");
        }

        return await RefusedAsync(r.Error!, null, ct);
    }

    public async Task<IActionResult> OnPostCounterAsync(Guid hall, int? number, string? name, CounterKind? kind, string? groups, string? departmentCode, CancellationToken ct)
    {
        var r = await halls.AddCounterAsync(hall, new CounterInput
        {
            Number = number, Name = name, Kind = kind, DepartmentCode = departmentCode,
            Groups = [.. (groups ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        }, ct);
        if (r.IsSuccess)
        {
            Message = $"已新增窗口：{r.Value!.Name}（{r.Value.KindLabel}）";
            return Redirect("/admin/halls");
        }

        return await RefusedAsync(r.Error!, hall, ct);
    }

    public async Task<IActionResult> OnPostNoticeAsync(Guid hall, string? notice, CancellationToken ct)
    {
        var r = await halls.SetNoticeAsync(hall, new HallNoticeInput(notice), ct);
        if (r.IsSuccess)
        {
            Message = r.Value!.Notice.Length == 0 ? $"已清除 {r.Value.Name} 叫号屏的温馨提示" : $"{r.Value.Name} 叫号屏的温馨提示已更新";
            return Redirect("/admin/halls");
        }

        return await RefusedAsync(r.Error!, hall, ct);
    }

    private async Task<IActionResult> RefusedAsync(Error error, Guid? hall, CancellationToken ct)
    {
        Problem = error.Describe();
        Errors.AddAll(error);
        ForHall = hall;
        Response.StatusCode = OneWindow.Platform.Web.Problems.StatusOf(error.Kind);
        await LoadAsync(ct);
        return Page();
    }
}

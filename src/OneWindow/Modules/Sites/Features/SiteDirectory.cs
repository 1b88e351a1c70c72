using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Sites.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Sites.Features;

internal sealed record SiteInput
{
    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? RegionCode { get; init; }

    public string? Address { get; init; }

    public double? Lat { get; init; }

    public double? Lng { get; init; }

    public string? Phone { get; init; }

    /// <summary>ISO weekday (1 Monday … 7 Sunday) → "09:00-12:00,13:00-17:00" (empty: closed).</summary>
    public Dictionary<int, string>? Hours { get; init; }

    public bool? FollowsWorkingCalendar { get; init; }

    public List<string>? Items { get; init; }

    public int? Terminals { get; init; }

    public string? TerminalNote { get; init; }

    public Guid? HallId { get; init; }
}

internal sealed record SiteView(
    Guid Id, string Kind, string KindLabel, string Name, string RegionCode, string RegionName, string Address, double Lat, double Lng, string Phone,
    IReadOnlyDictionary<int, string> Hours, bool FollowsWorkingCalendar, IReadOnlyList<string> Items, int Terminals, string TerminalNote, Guid? HallId,
    bool OpenNow, int? Waiting, double? DistanceKm, int Version);

/// <summary>
/// 百事通: the service sites and partner sites — where an item can be done, which are open now (Beijing time and the working
/// calendar), the nearest to a point or to a place named by its address, the live queue of sites with a hall. Administrators keep
/// the directory.
/// </summary>
internal sealed class SiteDirectory(AppDbContext db, IQueueRecords queues, WorkingDayCalendar calendar, DivisionRegistry divisions, AuditTrail audit, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("site:not-found", "服务网点不存在");

    /// <param name="near">"lat,lng", or words of an address or a site's name (the place is the first site they name).</param>
    public async Task<Result<Page<SiteView>>> ListAsync(string? item, bool openNow, string? near, string? region, string? kind, int page, int size, CancellationToken ct)
    {
        var q = db.Set<Site>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            q = q.Where(s => s.RegionCode.StartsWith(region.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!TextRules.TryEnum<SiteKind>(kind, out var k))
            {
                return Error.Field("kind", "网点类型为 cityCentre、countyCentre、townshipCentre、villagePoint、bank、hospital、mall、park、postOffice、telecom");
            }

            q = q.Where(s => s.Kind == k);
        }

        // The directory is a few thousand sites at most: filtered here by item, opening and distance.
        var sites = await q.ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(item))
        {
            var basic = ItemCodes.BasicOf(item.Trim());
            sites = [.. sites.Where(s => s.Items.Contains(basic))];
        }

        (double Lat, double Lng)? origin = null;
        if (!string.IsNullOrWhiteSpace(near))
        {
            var words = near.Trim();
            origin = Geo.Parse(words);
            if (origin is null && await db.Set<Site>().AsNoTracking().Where(s => s.Address.Contains(words) || s.Name.Contains(words))
                    .OrderBy(s => s.Name).Select(s => new { s.Lat, s.Lng }).FirstOrDefaultAsync(ct) is { } place)
            {
                origin = (place.Lat, place.Lng);
            }

            if (origin is null)
            {
                return Error.Field("near", "请给出“纬度,经度”，或已知网点的地址、名称中的文字");
            }
        }

        var open = await OpenFlagsAsync(sites, ct);
        if (openNow)
        {
            sites = [.. sites.Where(s => open[s.Id])];
        }

        var ordered = origin is { } o ? sites.OrderBy(s => s.KilometresTo(o.Lat, o.Lng)).ToList() : [.. sites.OrderBy(s => s.Kind).ThenBy(s => s.RegionCode).ThenBy(s => s.Name)];
        var waiting = await WaitingAsync(ct);
        var rows = ordered.Skip((page - 1) * size).Take(size).Select(s => View(s, open[s.Id], waiting, origin)).ToList();
        return new Page<SiteView>(rows, ordered.Count, page, size);
    }

    public async Task<SiteView?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<Site>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } s)
        {
            return null;
        }

        var open = await OpenFlagsAsync([s], ct);
        return View(s, open[s.Id], await WaitingAsync(ct), null);
    }

    public async Task<Result<SiteView>> SaveAsync(Guid? id, SiteInput input, int? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!TextRules.TryEnum<SiteKind>(input.Kind ?? "", out var kind))
        {
            errors.Add("kind", "请选择网点类型");
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100 || TextRules.TextProblem(name) is not null)
        {
            errors.Add("name", "请填写网点名称（2 到 100 字）");
        }

        var region = input.RegionCode?.Trim() ?? "";
        if (!divisions.IsKnownRegion(region))
        {
            errors.Add("regionCode", "请填写所在地区的行政区划代码（区县 6 位，乡镇街道 9 位）");
        }

        var address = input.Address?.Trim() ?? "";
        if (address.Length is < 4 or > 200 || TextRules.TextProblem(address) is not null)
        {
            errors.Add("address", "请填写地址（4 到 200 字）");
        }

        if (input.Lat is not (>= 3 and <= 54) || input.Lng is not (>= 73 and <= 136))
        {
            errors.Add("lat", "请填写网点的纬度和经度（中国境内）");
        }

        var hours = input.Hours ?? [];
        foreach (var (day, text) in hours)
        {
            if (day is < 1 or > 7 || Site.Periods(text ?? "") is null)
            {
                errors.Add($"hours.{day}", "营业时间写作 09:00-12:00,13:00-17:00（星期 1–7；空为休息）");
            }
        }

        var items = (input.Items ?? []).Select(i => ItemCodes.BasicOf(i.Trim())).Where(i => i.Length > 0).Distinct().ToList();
        if (input.Terminals is < 0 or > 1000)
        {
            errors.Add("terminals", "自助终端台数为 0 到 1000");
        }

        if (errors.Any)
        {
            return errors.ToError("site:invalid", "网点信息有误");
        }

        Site site;
        if (id is { } existing)
        {
            if (await db.Set<Site>().SingleOrDefaultAsync(s => s.Id == existing, ct) is not { } found)
            {
                return NotFound;
            }

            site = found;
        }
        else
        {
            site = new Site { Id = Guid.CreateVersion7(clock.GetUtcNow()) };
            db.Add(site);
        }

        return await db.ChangeVersionedAsync(site, version, s =>
            {
                (s.Kind, s.Name, s.RegionCode, s.Address, s.Lat, s.Lng, s.Phone) = (kind, name, region, address, input.Lat!.Value, input.Lng!.Value, input.Phone?.Trim() ?? "");
                (s.Hours, s.FollowsWorkingCalendar, s.Items) = (hours.ToDictionary(h => h.Key, h => h.Value?.Trim() ?? ""), input.FollowsWorkingCalendar ?? kind <= SiteKind.VillagePoint, items);
                (s.Terminals, s.TerminalNote, s.HallId) = (input.Terminals ?? 0, TextRules.Clip(input.TerminalNote?.Trim() ?? "", 200), input.HallId);
                return Task.FromResult(Result.Ok());
            },
            s => audit.Record(new AuditRecord(s.RegionCode.Length >= 6 ? s.RegionCode[..6] : s.RegionCode, "Site", s.Id.ToString(), id is null ? "SiteCreated" : "SiteChanged", new { s.Name })),
            s => View(s, false, new Dictionary<Guid, int>(), null), ct);
    }

    private async Task<Dictionary<Guid, bool>> OpenFlagsAsync(IReadOnlyList<Site> sites, CancellationToken ct)
    {
        var now = Timestamps.InChina(clock.GetUtcNow());
        var day = DateOnly.FromDateTime(now.DateTime);
        var rules = await calendar.RulesAsync(ct);
        var working = rules.IsWorkingDay(day) is { IsSuccess: true } w ? w.Value : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        return sites.ToDictionary(s => s.Id, s => s.OpenAt(day, TimeOnly.FromDateTime(now.DateTime), working));
    }

    private async Task<IReadOnlyDictionary<Guid, int>> WaitingAsync(CancellationToken ct) =>
        (await queues.HallQueuesAsync(clock.TodayInChina(), ct)).ToDictionary(h => h.HallId, h => h.Waiting);

    private SiteView View(Site s, bool open, IReadOnlyDictionary<Guid, int> waiting, (double Lat, double Lng)? origin) => new(
        s.Id, s.Kind.InJson(), Site.Label(s.Kind), s.Name, s.RegionCode,
        divisions.FullName(s.RegionCode) ?? (s.RegionCode.Length == 9 ? divisions.FullName(s.RegionCode[..6]) ?? s.RegionCode : s.RegionCode), s.Address, s.Lat, s.Lng, s.Phone,
        s.Hours, s.FollowsWorkingCalendar, s.Items, s.Terminals, s.TerminalNote, s.HallId, open,
        s.HallId is { } h ? waiting.GetValueOrDefault(h) : null, origin is { } o ? Math.Round(s.KilometresTo(o.Lat, o.Lng), 2) : null, s.Version);
}

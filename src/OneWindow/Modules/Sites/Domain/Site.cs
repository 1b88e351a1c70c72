using System.Globalization;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Sites.Domain;

/// <summary>Stored as numbers: new kinds go at the end.</summary>
internal enum SiteKind
{
    /// <summary>市级政务服务中心.</summary>
    CityCentre,

    /// <summary>县级政务服务中心.</summary>
    CountyCentre,

    /// <summary>乡镇（街道）便民服务中心.</summary>
    TownshipCentre,

    /// <summary>村（社区）便民服务点.</summary>
    VillagePoint,

    Bank,

    Hospital,

    Mall,

    Park,

    PostOffice,

    Telecom,
}

/// <summary>
/// A place where people get things done (百事通): a government centre, a village service point, or a partner site (bank,
/// hospital, shopping centre, park, post office, telecom) — address, coordinates, hours per weekday, the items handled there
/// (basic codes), self-service terminals, and the hall whose live queue it shows.
/// </summary>
internal sealed class Site : IVersioned
{
    public Guid Id { get; set; }

    public SiteKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string Address { get; set; } = "";

    public double Lat { get; set; }

    public double Lng { get; set; }

    public string Phone { get; set; } = "";

    /// <summary>Opening hours per ISO weekday (1 Monday … 7 Sunday): "09:00-12:00,13:00-17:00", or empty when closed.</summary>
    public Dictionary<int, string> Hours { get; set; } = [];

    /// <summary>Government sites follow the working calendar (closed on statutory holidays, open on make-up days with Monday's hours).</summary>
    public bool FollowsWorkingCalendar { get; set; }

    /// <summary>The basic codes of the items handled here.</summary>
    public List<string> Items { get; set; } = [];

    public int Terminals { get; set; }

    public string TerminalNote { get; set; } = "";

    /// <summary>The service hall whose queue this site shows live (a centre with a hall).</summary>
    public Guid? HallId { get; set; }

    public int Version { get; set; }

    public static string Label(SiteKind k) => k switch
    {
        SiteKind.CityCentre => "市级政务服务中心",
        SiteKind.CountyCentre => "县级政务服务中心",
        SiteKind.TownshipCentre => "乡镇（街道）便民服务中心",
        SiteKind.VillagePoint => "村（社区）便民服务点",
        SiteKind.Bank => "银行网点",
        SiteKind.Hospital => "医院",
        SiteKind.Mall => "商场",
        SiteKind.Park => "园区",
        SiteKind.PostOffice => "邮政网点",
        _ => "通信营业厅",
    };

    /// <summary>The periods of a day's hours text, or null when it is not "HH:mm-HH:mm[,HH:mm-HH:mm…]".</summary>
    public static IReadOnlyList<(TimeOnly From, TimeOnly To)>? Periods(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var periods = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeOnly.TryParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to <= from)
            {
                return null;
            }

            periods.Add((from, to));
        }

        return periods;
    }

    /// <summary>Whether it is open at this Beijing date and time (<paramref name="workingDay"/>: the calendar's verdict on the date).</summary>
    public bool OpenAt(DateOnly day, TimeOnly time, bool workingDay)
    {
        var weekday = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
        string? hours;
        if (FollowsWorkingCalendar)
        {
            hours = !workingDay ? null : weekday <= 5 ? Hours.GetValueOrDefault(weekday) : Hours.GetValueOrDefault(1);
        }
        else
        {
            hours = Hours.GetValueOrDefault(weekday);
        }

        return hours is not null && (Periods(hours) ?? []).Any(p => time >= p.From && time < p.To);
    }

    public double KilometresTo(double lat, double lng) => OneWindow.Platform.Geo.Kilometres(Lat, Lng, lat, lng);
}

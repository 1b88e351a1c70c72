using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Callbacks.Contracts;
using OneWindow.Modules.Callbacks.Domain;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Callbacks.Features;

/// <summary>What building a day's list did: <c>created</c> tasks, <c>skipped</c> services, and why they were skipped.</summary>
internal sealed record CallbackListResult(
    DateOnly Date, DateOnly ServiceDate, int Services, int Created, int Skipped, int AlreadyListed, int Rated, int DoNotCall, int NoPhone, int SamePhone, int SampledOut,
    int Unassigned);

internal sealed record CallbackListInput
{
    public DateOnly? Date { get; init; }
}

/// <summary>
/// The daily callback list (ADR 0023, decision 3): every service closed on the working day before <c>date</c> (by the
/// working calendar), less those the citizen rated, those whose citizen rated or was reached in the last
/// <c>RatedWithinDays</c>, phones on the 免打扰 list, and a second service of one phone; sampled per department down to the
/// configured share and capacity (补正, 容缺 and late services always kept; the draw seeded by the date, so a rerun draws the
/// same); dealt round-robin to the callback agents of the service's region (a county without its own line goes to the
/// city's). One task per service event and round under a unique index: building a list twice creates nothing new.
/// </summary>
internal sealed class CallbackLists(
    AppDbContext db, GroupCommit groupCommit, IEnumerable<ICallbackSources> sources, ICallbackRatings ratings, WorkingDayCalendar calendar, PlatformSecrets secrets, AuditTrail audit,
    TimeProvider clock, IOptions<CallbackOptions> options)
{
    public const string PhoneKeyName = "callbacks.do-not-call";

    public Task<Result<CallbackListResult>> BuildAsync(DateOnly date, CancellationToken ct) => BuildAsync(date, true, ct);

    private async Task<Result<CallbackListResult>> BuildAsync(DateOnly date, bool retry, CancellationToken ct)
    {
        var rules = await calendar.RulesAsync(ct);
        var working = rules.IsWorkingDay(date);
        if (!working.IsSuccess)
        {
            return working.Error!;
        }

        if (!working.Value)
        {
            return Error.Field("date", $"{date:yyyy-MM-dd} 不是工作日，回访清单只在工作日生成");
        }

        var previous = rules.WorkingDaysBefore(date);
        if (!previous.IsSuccess)
        {
            return previous.Error!;
        }

        var serviceDay = previous.Value;

        var services = new List<ClosedService>();
        foreach (var source in sources)
        {
            services.AddRange(await source.ClosedOnAsync(serviceDay, ct));
        }

        var o = options.Value;
        int alreadyListed = 0, rated = 0, doNotCall = 0, noPhone = 0, samePhone = 0;

        // Already on the list: a service is only ever on the list of the working day after it closed (one task per event and round
        // under a unique index besides). One indexed read, not a lookup per service.
        var listed = (await db.Set<CallbackTask>().AsNoTracking().Where(t => t.ListDate == date).Select(t => t.SubjectId).ToListAsync(ct)).ToHashSet();

        // The citizens' own ratings since the service day or the rated-recently window, whichever is earlier: a rating of a
        // service comes after it closed, so nothing older can be about it.
        var recentFrom = Timestamps.AtChinaTime(date.AddDays(-o.RatedWithinDays));
        var serviceFrom = Timestamps.AtChinaTime(serviceDay);
        var ratingsSince = await ratings.RatedSinceAsync(recentFrom < serviceFrom ? recentFrom : serviceFrom, ct);
        var ratedEvents = ratingsSince.Where(r => r.At >= serviceFrom).Select(r => r.Event).ToHashSet(StringComparer.Ordinal);
        var recentRaters = ratingsSince.Where(r => r.At >= recentFrom && r.RatedBy is not null).Select(r => r.RatedBy!).ToHashSet(StringComparer.Ordinal);
        var sinceDay = date.AddDays(-o.RatedWithinDays);
        var reachedPhones = (await db.Set<CallbackTask>().AsNoTracking().Where(t => t.ListDate >= sinceDay && t.Status == CallbackStatus.Reached).Select(t => t.Phone).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var key = await secrets.GetAsync(PhoneKeyName, ct);
        var blocked = (await db.Set<DoNotCall>().AsNoTracking().Select(d => d.PhoneHash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<ClosedService>();
        foreach (var s in services.OrderBy(s => s.SubjectId))
        {
            var phone = Digits(s.Phone);
            if (listed.Contains(s.SubjectId))
            {
                alreadyListed++;
            }
            else if (phone.Length < 7)
            {
                noPhone++;
            }
            else if (ratedEvents.Contains(ICallbackRatings.Key(s.SubjectType, s.SubjectId.ToString())) || (s.CitizenUserId is { } u && recentRaters.Contains(u))
                     || reachedPhones.Contains(phone))
            {
                rated++;
            }
            else if (blocked.Contains(HashPhone(key, phone)))
            {
                doNotCall++;
            }
            else if (!phones.Add(phone))
            {
                samePhone++;
            }
            else
            {
                candidates.Add(s with { Phone = phone });
            }
        }

        var chosen = Sample(candidates, date, o);
        var agents = await AgentsAsync(ct);
        var dealt = await DealAsync(chosen, agents, date, ct);
        var now = clock.Now();
        CallbackTask Task(int i)
        {
            var s = chosen[i];
            return new CallbackTask
            {
                Id = Guid.CreateVersion7(now), ListDate = date, ServiceDate = serviceDay, SubjectType = s.SubjectType, SubjectId = s.SubjectId, Round = s.Round, Number = s.Number,
                Label = TextRules.Clip(s.Label, 200), ItemName = s.ItemName is null ? null : TextRules.Clip(s.ItemName, 200), RegionCode = s.RegionCode, DepartmentCode = s.DepartmentCode,
                CitizenName = s.CitizenName, Phone = s.Phone!, StartedAt = s.StartedAt, OnTime = s.OnTime, HadCorrection = s.HadCorrection, Deferral = s.Deferral,
                ServedBy = s.ServedBy, MustCall = Must(s), AgentUserId = dealt[i]?.Id, AgentName = dealt[i]?.Name, CreatedAt = now,
            };
        }

        var result = new CallbackListResult(date, serviceDay, services.Count, chosen.Count, services.Count - chosen.Count, alreadyListed, rated, doNotCall, noPhone, samePhone,
            candidates.Count - chosen.Count, dealt.Count(d => d is null));
        try
        {
            // In slices, each a member of the group commit written without change tracking (ModelRows): a city's day is
            // 100,000 tasks. A slice that fails leaves the ones before it listed; the rebuild below skips them.
            for (var start = 0; start < chosen.Count; start += WriteSlice)
            {
                var slice = Enumerable.Range(start, Math.Min(WriteSlice, chosen.Count - start)).Select(Task).ToList();
                await groupCommit.RunAsync(db, async () =>
                {
                    await ModelRows.WriteAsync(db, [RowSet.Of(slice)], ct);
                    return true;
                });
            }

            var list = await db.Set<CallbackList>().SingleOrDefaultAsync(l => l.Date == date, ct);
            if (list is null)
            {
                db.Add(new CallbackList { Date = date, ServiceDate = serviceDay, Services = services.Count, Created = chosen.Count, Skipped = result.Skipped, BuiltAt = now });
            }
            else
            {
                (list.Services, list.Created, list.Skipped, list.BuiltAt) = (services.Count, list.Created + chosen.Count, result.Skipped, now);
            }

            if (chosen.Count > 0)
            {
                audit.Record(new AuditRecord(CityOf(chosen[0].RegionCode), "CallbackList", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "CallbackListBuilt",
                    new { serviceDate = serviceDay, result.Services, result.Created, result.Skipped }));
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && retry && !ct.IsCancellationRequested)
        {
            // Another build of the same day (the job and an administrator at once) listed some first: build again, it skips them.
            db.ChangeTracker.Clear();
            return await BuildAsync(date, false, ct);
        }

        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>Tasks written per member of the group commit.</summary>
    private const int WriteSlice = 5000;

    /// <summary>The audit entry's region: the city of the tasks (the list is the city's).</summary>
    private static string CityOf(string region) => region.Length == 6 ? region[..4] + "00" : region;

    private static bool Must(ClosedService s) => s.HadCorrection || s.Deferral || !s.OnTime;

    /// <summary>
    /// Every 补正, 容缺 and late service; of the others, each department's share, then (above the capacity) each department in
    /// proportion to its services; the draw is a shuffle seeded by the date.
    /// </summary>
    internal static List<ClosedService> Sample(List<ClosedService> candidates, DateOnly date, CallbackOptions o)
    {
        var must = candidates.Where(Must).ToList();
        var random = new Random(date.DayNumber);
        var byDepartment = candidates.Where(s => !Must(s)).GroupBy(s => s.DepartmentCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.ToList();
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
                var share = o.DepartmentShares.TryGetValue(g.Key, out var s) ? s : o.SharePercent;
                return list.Take((int)Math.Ceiling(list.Count * Math.Clamp(share, 0, 100) / 100.0)).ToList();
            }).ToList();
        var room = o.DailyCapacity <= 0 ? int.MaxValue : Math.Max(0, o.DailyCapacity - must.Count);
        var others = byDepartment.Sum(l => l.Count);
        if (others > room)
        {
            // Largest remainder: each department keeps its proportion of the room.
            var quotas = byDepartment.Select(l => (double)l.Count * room / others).ToList();
            var take = quotas.Select(q => (int)Math.Floor(q)).ToArray();
            foreach (var i in Enumerable.Range(0, quotas.Count).OrderByDescending(i => quotas[i] - take[i]).Take(room - take.Sum()))
            {
                take[i]++;
            }

            byDepartment = [.. byDepartment.Select((l, i) => l.Take(take[i]).ToList())];
        }

        return [.. must, .. byDepartment.SelectMany(l => l)];
    }

    private sealed record Agent(string Id, string Name, string Region);

    private async Task<List<Agent>> AgentsAsync(CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.CallbackAgent).Select(r => r.Id).SingleOrDefaultAsync(ct);
        return (await db.UserRoles.Where(ur => ur.RoleId == roleId).Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => new { u.Id, u.DisplayName, u.UserName, u.RegionCode })
                .ToListAsync(ct))
            .Select(u => new Agent(u.Id, u.DisplayName ?? u.UserName ?? "", u.RegionCode ?? "")).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Round-robin within each region's line (its own agents, else the city's), continuing from the tasks the day already dealt.</summary>
    private async Task<Agent?[]> DealAsync(List<ClosedService> chosen, List<Agent> agents, DateOnly date, CancellationToken ct)
    {
        var dealt = new Agent?[chosen.Count];
        var counts = (await db.Set<CallbackTask>().AsNoTracking().Where(t => t.ListDate == date && t.AgentUserId != null).GroupBy(t => t.AgentUserId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < chosen.Count; i++)
        {
            var region = chosen[i].RegionCode;
            var city = region.Length == 6 ? region[..4] + "00" : region;
            var line = agents.Where(a => a.Region == region).ToList() is { Count: > 0 } own ? own : agents.Where(a => a.Region == city).ToList();
            if (line.Count == 0)
            {
                continue;
            }

            var lineKey = line[0].Region;
            if (!next.TryGetValue(lineKey, out var n))
            {
                n = line.Sum(a => counts.GetValueOrDefault(a.Id));
            }

            dealt[i] = line[n % line.Count];
            next[lineKey] = n + 1;
        }

        return dealt;
    }

    internal static string Digits(string? phone) => phone is null ? "" : new string([.. phone.Where(char.IsAsciiDigit)]);

    internal static string HashPhone(byte[] key, string digits) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(digits))).ToLowerInvariant();
}

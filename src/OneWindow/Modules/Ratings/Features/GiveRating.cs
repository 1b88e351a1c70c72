using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Queue.Contracts;
using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Ratings.Features;

/// <summary>Settings of 好差评.</summary>
internal sealed class RatingsOptions
{
    /// <summary>Working days a department has to verify, rectify and report back after a bad rating.</summary>
    public int RectificationDays { get; set; } = 5;

    /// <summary>How long after a counter finished a ticket its rating pad still asks about it.</summary>
    public int PadMinutes { get; set; } = 10;

    /// <summary>Whether the rectifications' limits job runs (预警/超期), and how often.</summary>
    public bool DeadlineJob { get; set; } = true;

    public int DeadlineScanSeconds { get; set; } = 300;
}

internal sealed record RatingInput
{
    public RatingSubject? SubjectType { get; init; }

    public string? SubjectId { get; init; }

    public int? Level { get; init; }

    public string? Comment { get; init; }

    /// <summary>A ticket's phone-link secret (who holds the ticket may rate its service).</summary>
    public string? AccessCode { get; init; }

    public RatingChannel? Channel { get; init; }

    /// <summary>The counter a paired rating pad belongs to (from its cookie, never from a request body).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? PadCounterId { get; init; }
}

internal sealed record RectificationRef(Guid Id, DateOnly DueDate, string Status);

internal sealed record RatingView(Guid Id, RatingSubject SubjectType, string SubjectId, string SubjectLabel, int Level, string LevelLabel, string? Comment, string Department,
    DateTimeOffset CreatedAt, RectificationRef? Rectification);

/// <summary>
/// 好差评 at every service event: a ticket served at a counter (its pad, or the phone link), a case or a
/// 一件事 completed (the applicant, on the portal). One rating per event — the second is refused (409),
/// also when two arrive at once (a unique index). 不满意 or worse opens a rectification for the
/// department that served, due in working days, and tells its officers.
/// </summary>
internal sealed class GiveRating(
    AppDbContext db, IQueueRecords tickets, ICaseRecords cases, IBundleIntake bundles, IEnumerable<IRatableSubjects> others, RectificationOpening opening,
    AuditTrail audit, ICurrentUser user, TimeProvider clock, IOptions<RatingsOptions> options) : ICallbackRatings
{
    private static Error AlreadyRated => Error.Conflict("rating:already-rated", "该次服务已评价，每次服务只能评价一次");

    private sealed record Subject(string Id, string Label, string Region, string Department, string? StaffId, string? StaffName, RatingChannel Channel)
    {
        public int Round { get; init; }

        /// <summary>A bad rating makes the subject's module redo it (no rectification while it may).</summary>
        public bool Reopens { get; init; }
    }

    public async Task<Result<RatingView>> GiveAsync(RatingInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.SubjectType is null)
        {
            errors.Add("subjectType", "请指明评价对象：ticket（窗口服务）、case（办件）、bundle（一件事）、workOrder（12345 工单）或 unresolvedReport（办不成事）");
        }

        if (input.Level is not (>= 1 and <= 5))
        {
            errors.Add("level", "评价等级为 1–5：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意");
        }

        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (TextRules.TextProblem(comment, 500) is { } badComment)
        {
            errors.Add("comment", "评价内容" + badComment);
        }

        if (input.Level is <= Rating.BadFrom and >= 1 && comment is null)
        {
            errors.Add("comment", "差评请简要说明不满意的原因，以便整改");
        }

        if (input.Channel == RatingChannel.Callback)
        {
            errors.Add("channel", "回访评价由回访坐席在回访任务中记录");
        }

        if (!Guid.TryParse(input.SubjectId, out var subjectId))
        {
            errors.Add("subjectId", "评价对象编号有误");
        }

        if (errors.Any)
        {
            return errors.ToError("rating:invalid", "评价有误");
        }

        var subject = await SubjectAsync(input.SubjectType!.Value, subjectId, input, ct);
        if (!subject.IsSuccess)
        {
            return subject.Error!;
        }

        var s = subject.Value!;
        var type = input.SubjectType.Value;
        if (await db.Set<Rating>().AnyAsync(r => r.SubjectType == type && r.SubjectId == s.Id && r.Round == s.Round && !r.ByCallback, ct))
        {
            return AlreadyRated;
        }

        var now = clock.Now();
        var rating = new Rating
        {
            Id = Guid.CreateVersion7(now), RegionCode = s.Region, SubjectType = type, SubjectId = s.Id, Round = s.Round, SubjectLabel = s.Label, Level = input.Level!.Value, Comment = comment,
            Channel = input.Channel ?? s.Channel, DepartmentCode = s.Department, StaffUserId = s.StaffId, StaffName = s.StaffName, RatedBy = user.UserId, CreatedAt = now,
        };
        db.Add(rating);
        Rectification? rectification = null;
        if (rating.IsBad && !s.Reopens)
        {
            rectification = await opening.OpenAsync(new RectificationRequest(RectificationSource.Rating, rating.Id.ToString(), s.Region, s.Department, s.Label, comment!), rating.Id, rating.Level, ct);
            rating.RectificationId = rectification.Id;
        }

        audit.Record(new AuditRecord(s.Region, "Rating", rating.Id.ToString(), "RatingGiven", new { subject = type.ToString(), subjectId = s.Id, round = s.Round, level = rating.Level }),
            new RatingGiven(rating.Id, SubjectTypeName(type), s.Id, s.Round, rating.Level, comment, s.Region) { DepartmentCode = rating.DepartmentCode, Day = DateOnly.FromDateTime(Timestamps.InChina(now).DateTime) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Two ratings of one event at once: the unique index lets one through.
            if (await RatedMeanwhileAsync(type, s.Id, s.Round))
            {
                return AlreadyRated;
            }

            throw;
        }

        return View(rating, rectification);
    }

    public async Task<(Guid RatingId, Guid? RectificationId)> RecordAsync(CallbackRating c, CancellationToken ct)
    {
        var type = Enum.Parse<RatingSubject>(c.SubjectType, ignoreCase: true);
        var now = clock.Now();
        var rating = new Rating
        {
            Id = Guid.CreateVersion7(now), RegionCode = c.RegionCode, SubjectType = type, SubjectId = c.SubjectId, Round = c.Round, SubjectLabel = c.Label, Level = c.Level,
            Comment = c.Comment is null ? null : TextRules.Clip(c.Comment, 500), Channel = RatingChannel.Callback, ByCallback = true, DepartmentCode = c.DepartmentCode, StaffName = c.StaffName, RatedBy = user.UserId,
            CreatedAt = now,
        };
        db.Add(rating);
        if (rating.IsBad || c.Complaint)
        {
            var problem = c.Comment ?? $"回访评价：{Rating.Label(c.Level)}";
            var r = await opening.OpenAsync(new RectificationRequest(RectificationSource.Callback, c.CallbackId.ToString(), c.RegionCode, c.DepartmentCode, c.Label, problem),
                rating.Id, rating.Level, ct);
            rating.RectificationId = r.Id;
        }

        audit.Record(new AuditRecord(c.RegionCode, "Rating", rating.Id.ToString(), "RatingGiven",
                new { subject = type.ToString(), subjectId = c.SubjectId, round = c.Round, level = rating.Level, channel = "callback", callback = c.CallbackId }),
            new RatingGiven(rating.Id, SubjectTypeName(type), c.SubjectId, c.Round, rating.Level, c.Comment, c.RegionCode)
            {
                ByCallback = true, DepartmentCode = rating.DepartmentCode, Day = DateOnly.FromDateTime(Timestamps.InChina(rating.CreatedAt).DateTime),
            });
        return (rating.Id, rating.RectificationId);
    }

    public async Task<IReadOnlyList<(string Event, string? RatedBy, DateTimeOffset At)>> RatedSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        [.. (await db.Set<Rating>().AsNoTracking().Where(r => r.CreatedAt >= since && !r.ByCallback).Select(r => new { r.SubjectType, r.SubjectId, r.RatedBy, r.CreatedAt })
                .ToListAsync(ct))
            .Select(r => (ICallbackRatings.Key(SubjectTypeName(r.SubjectType), r.SubjectId), r.RatedBy, r.CreatedAt))];

    private async Task<bool> RatedMeanwhileAsync(RatingSubject type, string id, int round)
    {
        db.ChangeTracker.Clear();
        return await db.Set<Rating>().AnyAsync(r => r.SubjectType == type && r.SubjectId == id && r.Round == round && !r.ByCallback);
    }

    /// <summary>The name a subject type has on the wire (<c>workOrder</c>), as <see cref="IRatableSubjects.SubjectType"/> gives it.</summary>
    private static string SubjectTypeName(RatingSubject type) => type.InJson();

    internal static RatingView View(Rating r, Rectification? rect) => new(r.Id, r.SubjectType, r.SubjectId, r.SubjectLabel, r.Level, Rating.Label(r.Level), r.Comment, r.DepartmentCode,
        r.CreatedAt, rect is null ? null : new RectificationRef(rect.Id, rect.DueDate, rect.Status.InJson()));

    private async Task<Result<Subject>> SubjectAsync(RatingSubject type, Guid id, RatingInput input, CancellationToken ct)
    {
        var notFound = Error.NotFound("rating:subject-not-found", "评价对象不存在，或您无权评价");
        switch (type)
        {
            case RatingSubject.Ticket:
            {
                var t = await tickets.FindTicketAsync(id, ct);
                if (t is null)
                {
                    return notFound;
                }

                // The counter's paired pad (a kiosk, no session) asks only about the service it has just finished.
                var atPad = input.PadCounterId is { } pad && t.CounterId == pad
                            && t.FinishedAt is { } finished && finished > clock.Now().AddMinutes(-options.Value.PadMinutes);
                if (!(t.Opens(input.AccessCode) || (t.UserId is not null && t.UserId == user.UserId) || atPad))
                {
                    return notFound;
                }

                if (!t.Served || t.DepartmentCode is null)
                {
                    return Error.Conflict("rating:not-served", $"{t.Number} 号尚未办结，办结后再评价");
                }

                return new Subject(t.Id.ToString(), $"{t.HallName} {t.Number} 号（{t.CounterNumber} 号窗口）", t.RegionCode, t.DepartmentCode, t.ServedBy, t.ServedByName,
                    atPad ? RatingChannel.Pad : RatingChannel.Phone);
            }

            case RatingSubject.Case:
            {
                var c = await cases.FindAsync(id, ct);
                if (c is null || c.ApplicantUserId is null || c.ApplicantUserId != user.UserId)
                {
                    return notFound;
                }

                if (c.Status != "Completed")
                {
                    return Error.Conflict("rating:not-completed", $"办件 {c.Number} 尚未办结，办结后再评价");
                }

                return new Subject(c.Id.ToString(), $"办件 {c.Number}（{c.ItemName}）", c.RegionCode, c.DepartmentCode, null, null, RatingChannel.Portal);
            }

            case RatingSubject.Bundle:
            {
                var found = await bundles.FindAsync([id], ct);
                var b = found.Count > 0 ? found[0] : null;
                if (b is null || b.ApplicantUserId is null || b.ApplicantUserId != user.UserId)
                {
                    return notFound;
                }

                if (b.Status != "completed")
                {
                    return Error.Conflict("rating:not-completed", $"一件事 {b.Number} 尚未办结，办结后再评价");
                }

                return new Subject(b.Id.ToString(), $"一件事 {b.Number}（{b.BundleName}）", b.RegionCode, b.LeadDepartment, null, null, RatingChannel.Portal);
            }

            default:
            {
                var name = SubjectTypeName(type);
                if (others.FirstOrDefault(o => o.SubjectType == name) is not { } owner)
                {
                    return notFound;
                }

                var found = await owner.FindAsync(id, input.AccessCode, ct);
                if (!found.IsSuccess)
                {
                    return found.Error!;
                }

                var r = found.Value!;
                return new Subject(r.Id, r.Label, r.RegionCode, r.DepartmentCode, null, null, input.AccessCode is null ? RatingChannel.Portal : RatingChannel.Phone)
                {
                    Round = r.Round, Reopens = r.Reopens,
                };
            }
        }
    }
}

using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Marketplace.Domain;

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum IntermediaryStatus
{
    /// <summary>待审核.</summary>
    Pending,

    /// <summary>已入驻: may sign up and be selected.</summary>
    Verified,

    /// <summary>暂停: a qualification expired (or the admin paused it); renewed qualifications go back to review.</summary>
    Suspended,

    /// <summary>黑名单: breaches; never selected until the date passes.</summary>
    Blacklisted,

    /// <summary>审核未通过.</summary>
    Rejected,
}

/// <summary>A qualification certificate: kind (测绘资质 …), level, number, validity, the scanned copy.</summary>
internal sealed record Qualification(string Kind, string Level, string Number, DateOnly ValidUntil, Guid? FileId);

/// <summary>A breach recorded against the intermediary: late, poor, or collusion (串通), with what it led to.</summary>
internal sealed record Breach(string Kind, string Note, string? PurchaseNumber, DateOnly On, string ByName, string Outcome);

/// <summary>
/// An intermediary (中介机构) in the 中介超市: an enterprise (its USCC) offering service types under its qualifications in a service
/// area, at stated prices, with its staff. Admins verify it; an expired qualification suspends it; breaches warn and then blacklist
/// it; buyers' ratings make its public score.
/// </summary>
internal sealed class Intermediary : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>The enterprise account that registered it and signs up, bids and delivers for it.</summary>
    public string? OwnerUserId { get; set; }

    public string Name { get; set; } = "";

    public string Uscc { get; set; } = "";

    public List<string> ServiceTypes { get; set; } = [];

    public List<Qualification> Qualifications { get; set; } = [];

    /// <summary>Region codes it serves (a city's code serves its counties).</summary>
    public List<string> ServiceArea { get; set; } = [];

    public string PriceRange { get; set; } = "";

    public int StaffCount { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactMobile { get; set; } = "";

    public IntermediaryStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateOnly? BlacklistedUntil { get; set; }

    public List<Breach> Breaches { get; set; } = [];

    public int RatingCount { get; set; }

    /// <summary>The sum of the ratings' averages (on time, quality, price), for the public score.</summary>
    public decimal RatingSum { get; set; }

    public int Contracts { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The public score: the mean of the buyers' ratings, 0 when none yet.</summary>
    public decimal Score => RatingCount == 0 ? 0 : Math.Round(RatingSum / RatingCount, 2);

    public static string Label(IntermediaryStatus s) => s switch
    {
        IntermediaryStatus.Pending => "待审核",
        IntermediaryStatus.Verified => "已入驻",
        IntermediaryStatus.Suspended => "暂停",
        IntermediaryStatus.Blacklisted => "黑名单",
        _ => "审核未通过",
    };

    public bool Serves(string region) =>
        ServiceArea.Count == 0 || ServiceArea.Any(a => a == region || (a.EndsWith("00", StringComparison.Ordinal) && region.StartsWith(a[..4], StringComparison.Ordinal)));

    /// <summary>Why it may not be chosen for this service, qualification and region on <paramref name="day"/>; null when it may.</summary>
    public string? Disqualified(string serviceType, string qualification, string? level, string region, DateOnly day)
    {
        if (Status == IntermediaryStatus.Blacklisted && (BlacklistedUntil is null || BlacklistedUntil >= day))
        {
            return $"已列入黑名单（至 {BlacklistedUntil:yyyy-MM-dd}）";
        }

        if (Status != IntermediaryStatus.Verified)
        {
            return $"机构状态为{Label(Status)}";
        }

        if (!ServiceTypes.Contains(serviceType))
        {
            return $"未登记{Domain.ServiceTypes.NameOf(serviceType)}服务";
        }

        if (!Serves(region))
        {
            return "服务区域不含采购人所在地区";
        }

        var held = Qualifications.Where(q => q.Kind == qualification).ToList();
        if (held.Count == 0)
        {
            return $"无{qualification}";
        }

        return held.Any(q => q.ValidUntil >= day && Domain.ServiceTypes.Satisfies(q.Level, level))
            ? null
            : held.All(q => q.ValidUntil < day) ? $"{qualification}已于 {held.Max(q => q.ValidUntil):yyyy-MM-dd} 过期" : $"{qualification}等级低于{level}";
    }

    /// <summary>Suspends it when a qualification has expired (the job that runs daily); true when it changed.</summary>
    public bool SuspendIfExpired(DateOnly today)
    {
        if (Status != IntermediaryStatus.Verified || Qualifications.FirstOrDefault(q => q.ValidUntil < today) is not { } expired)
        {
            return false;
        }

        Status = IntermediaryStatus.Suspended;
        StatusReason = $"{expired.Kind}（{expired.Number}）已于 {expired.ValidUntil:yyyy-MM-dd} 过期，自动暂停；更新资质后重新审核";
        return true;
    }

    /// <summary>
    /// Records a breach: collusion blacklists at once (3 years); a second warning within a year blacklists for a year; otherwise a
    /// warning. Returns what it led to.
    /// </summary>
    public string RecordBreach(string kind, string note, string? purchase, DateOnly today, string by)
    {
        var recent = Breaches.Count(b => b.On > today.AddYears(-1));
        string outcome;
        if (kind == "collusion" || recent >= 1)
        {
            BlacklistedUntil = today.AddYears(kind == "collusion" ? 3 : 1);
            Status = IntermediaryStatus.Blacklisted;
            StatusReason = kind == "collusion" ? "串通等违规行为，列入黑名单" : "一年内再次违约，列入黑名单";
            outcome = $"列入黑名单至 {BlacklistedUntil:yyyy-MM-dd}";
        }
        else
        {
            outcome = "警告";
        }

        Breaches = [.. Breaches, new Breach(kind, note, purchase, today, by, outcome)];
        return outcome;
    }

    public void Rate(decimal average)
    {
        RatingCount++;
        RatingSum += average;
    }

    public Result Verify(bool approve, string? reason, DateTimeOffset at, DateOnly today)
    {
        if (Status is IntermediaryStatus.Blacklisted && (BlacklistedUntil is null || BlacklistedUntil >= today))
        {
            return Error.Conflict("intermediary:blacklisted", $"黑名单期限至 {BlacklistedUntil:yyyy-MM-dd}，期满前不能审核入驻");
        }

        Status = approve ? IntermediaryStatus.Verified : IntermediaryStatus.Rejected;
        StatusReason = approve ? null : reason;
        VerifiedAt = approve ? at : VerifiedAt;
        return Result.Ok();
    }
}

using System.Security.Cryptography;
using System.Text;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Marketplace.Domain;

internal enum SelectionMethod
{
    /// <summary>随机抽取.</summary>
    Draw,

    /// <summary>竞价: the lowest qualified bid.</summary>
    Bid,

    /// <summary>直接选取: below the threshold, with a reason.</summary>
    Direct,
}

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum PurchaseStatus
{
    /// <summary>报名中.</summary>
    Open,

    /// <summary>公示中: the selection is published; objections may be raised until the period ends.</summary>
    Publicised,

    /// <summary>异议处理中: an objection holds the contract.</summary>
    Held,

    /// <summary>已签约.</summary>
    Contracted,

    /// <summary>已交付服务成果.</summary>
    Delivered,

    /// <summary>已验收.</summary>
    Accepted,

    /// <summary>已评价.</summary>
    Rated,

    /// <summary>流标: nobody qualified signed up.</summary>
    Failed,
}

internal sealed record SignUp(Guid IntermediaryId, string Name, DateTimeOffset At, decimal? Price);

/// <summary>An objection to the selection during 公示, and how the buyer answered it.</summary>
internal sealed record Objection(Guid Id, string ByName, string? ByUserId, string Reason, DateTimeOffset At, bool? Upheld, string? Reply);

/// <summary>One candidate in the selection's order: for a draw its HMAC, for a bid its price.</summary>
internal sealed record Ranked(Guid IntermediaryId, string Name, string Key, decimal? Price);

/// <summary>The buyer's rating of the service: on time, quality, price (1 to 5).</summary>
internal sealed record ServiceRating(int OnTime, int Quality, int Price, string? Comment, DateTimeOffset At);

/// <summary>
/// A purchase (采购公告) in the 中介超市: who buys (a township, county or department, a project or an applicant), the service, its
/// scope, budget ceiling, deadline and qualification, and how the intermediary is chosen. A 随机抽取 draw is committed before sign-up
/// closes (the SHA-256 of a secret seed is published) and revealed after: the candidates ordered by HMAC-SHA256(seed, id), so anyone
/// can recompute the winner. The selection is published (公示); an objection holds the contract until answered.
/// </summary>
internal sealed class Purchase : IVersioned
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    /// <summary>township, county, department, project or applicant.</summary>
    public string BuyerKind { get; set; } = "";

    public string BuyerName { get; set; } = "";

    /// <summary>The buying department's code, or the applicant's account.</summary>
    public string BuyerCode { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string? ProjectCode { get; set; }

    public string ServiceType { get; set; } = "";

    public string Title { get; set; } = "";

    public string Scope { get; set; } = "";

    public decimal Budget { get; set; }

    /// <summary>The service must be delivered by this date (on time or late in the reports).</summary>
    public DateOnly Deadline { get; set; }

    public string Qualification { get; set; } = "";

    public string? QualificationLevel { get; set; }

    public SelectionMethod Method { get; set; }

    public DateTimeOffset SignUpUntil { get; set; }

    /// <summary>SHA-256 (hex) of the seed, published with the purchase.</summary>
    public string SeedCommitment { get; set; } = "";

    /// <summary>The seed (hex), kept secret until sign-up closes.</summary>
    public string Seed { get; set; } = "";

    public PurchaseStatus Status { get; set; }

    public List<SignUp> SignUps { get; set; } = [];

    /// <summary>At close: the qualified candidates in the selection's order (the first not set aside by an upheld objection wins).</summary>
    public List<Ranked> Ranking { get; set; } = [];

    /// <summary>At close: those who signed up but did not qualify, with why.</summary>
    public Dictionary<string, string> Excluded { get; set; } = [];

    public Guid? WinnerId { get; set; }

    public string? WinnerName { get; set; }

    public decimal? WinningPrice { get; set; }

    public string? DirectReason { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateOnly? PublicityUntil { get; set; }

    public List<Objection> Objections { get; set; } = [];

    public decimal? ContractAmount { get; set; }

    public DateOnly? ContractSignedOn { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    public string? DeliveryNote { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public ServiceRating? Rating { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }

    public static string Label(SelectionMethod m) => m switch { SelectionMethod.Draw => "随机抽取", SelectionMethod.Bid => "竞价", _ => "直接选取" };

    public static string Label(PurchaseStatus s) => s switch
    {
        PurchaseStatus.Open => "报名中",
        PurchaseStatus.Publicised => "公示中",
        PurchaseStatus.Held => "异议处理中",
        PurchaseStatus.Contracted => "已签约",
        PurchaseStatus.Delivered => "已交付",
        PurchaseStatus.Accepted => "已验收",
        PurchaseStatus.Rated => "已评价",
        _ => "流标",
    };

    /// <summary>A fresh secret seed (32 random bytes, hex) and its commitment.</summary>
    public static (string Seed, string Commitment) NewSeed()
    {
        var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (seed, Commitment(seed));
    }

    /// <summary>SHA-256 of the seed's hex text (ASCII), hex.</summary>
    public static string Commitment(string seed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(seed)));

    /// <summary>The draw's key for a candidate: HMAC-SHA256 with the seed's bytes as key over the id as "D"-formatted text, hex; the lowest wins.</summary>
    public static string DrawKey(string seed, Guid id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(seed), Encoding.ASCII.GetBytes(id.ToString("D"))));

    /// <summary>
    /// Closes sign-up and selects: the qualified candidates ordered (draw: by <see cref="DrawKey"/>; bid: lowest price, then the
    /// higher public score, then the earlier bid), the first wins, and 公示 runs until <paramref name="publicityUntil"/>.
    /// </summary>
    public Result Close(IReadOnlyList<(SignUp SignUp, string? Disqualified, decimal Score)> candidates, DateTimeOffset at, DateOnly publicityUntil)
    {
        if (Status != PurchaseStatus.Open)
        {
            return Error.Conflict("purchase:not-open", $"采购{Label(Status)}，不能截止报名");
        }

        Excluded = candidates.Where(c => c.Disqualified is not null).ToDictionary(c => c.SignUp.Name, c => c.Disqualified!);
        var qualified = candidates.Where(c => c.Disqualified is null).ToList();
        Ranking = Method == SelectionMethod.Draw
            ? [.. qualified.Select(c => new Ranked(c.SignUp.IntermediaryId, c.SignUp.Name, DrawKey(Seed, c.SignUp.IntermediaryId), null)).OrderBy(r => r.Key, StringComparer.Ordinal)]
            : [.. qualified.OrderBy(c => c.SignUp.Price).ThenByDescending(c => c.Score).ThenBy(c => c.SignUp.At)
                .Select(c => new Ranked(c.SignUp.IntermediaryId, c.SignUp.Name, c.SignUp.Price!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), c.SignUp.Price))];
        ClosedAt = at;
        if (Ranking.Count == 0)
        {
            Status = PurchaseStatus.Failed;
            return Result.Ok();
        }

        Select(Ranking[0], publicityUntil);
        return Result.Ok();
    }

    /// <summary>直接选取: the buyer names the intermediary with a reason; 公示 as for the other methods.</summary>
    public void SelectDirectly(Guid id, string name, string reason, DateTimeOffset at, DateOnly publicityUntil)
    {
        DirectReason = reason;
        Ranking = [new Ranked(id, name, "direct", null)];
        ClosedAt = at;
        Select(Ranking[0], publicityUntil);
    }

    private void Select(Ranked winner, DateOnly publicityUntil)
    {
        (WinnerId, WinnerName, WinningPrice) = (winner.IntermediaryId, winner.Name, winner.Price);
        PublicityUntil = publicityUntil;
        Status = PurchaseStatus.Publicised;
    }

    public Result Object(Objection objection, DateOnly today)
    {
        if (Status is not (PurchaseStatus.Publicised or PurchaseStatus.Held) || PublicityUntil < today)
        {
            return Error.Conflict("purchase:not-in-publicity", "只能在公示期内提出异议");
        }

        Objections = [.. Objections, objection];
        Status = PurchaseStatus.Held;
        return Result.Ok();
    }

    /// <summary>The buyer answers the open objections: upheld sets the selected one aside and selects the next in order (公示 anew).</summary>
    public Result Resolve(bool upheld, string reply, DateOnly newPublicityUntil)
    {
        if (Status != PurchaseStatus.Held)
        {
            return Error.Conflict("purchase:no-objection", "没有待处理的异议");
        }

        Objections = [.. Objections.Select(o => o.Upheld is null ? o with { Upheld = upheld, Reply = reply } : o)];
        if (!upheld)
        {
            Status = PurchaseStatus.Publicised;
            return Result.Ok();
        }

        var next = Ranking.SkipWhile(r => r.IntermediaryId != WinnerId).Skip(1).FirstOrDefault();
        if (next is null)
        {
            (WinnerId, WinnerName, WinningPrice, Status) = (null, null, null, PurchaseStatus.Failed);
            return Result.Ok();
        }

        Select(next, newPublicityUntil);
        return Result.Ok();
    }

    public Result Contract(decimal amount, DateOnly today)
    {
        if (Status == PurchaseStatus.Held)
        {
            return Error.Conflict("purchase:held", "公示期内有异议尚未处理，暂停签约");
        }

        if (Status != PurchaseStatus.Publicised)
        {
            return Error.Conflict("purchase:bad-step", $"采购{Label(Status)}，不能签约");
        }

        if (PublicityUntil >= today)
        {
            return Error.Conflict("purchase:in-publicity", $"公示期至 {PublicityUntil:yyyy-MM-dd}，期满无异议后方可签约");
        }

        if (amount <= 0 || amount > Budget)
        {
            return Error.Field("amount", $"合同金额应大于 0 且不超过预算上限 {Budget:0.00} 元");
        }

        (ContractAmount, ContractSignedOn, Status) = (amount, today, PurchaseStatus.Contracted);
        return Result.Ok();
    }

    public Result Deliver(string note, DateOnly today)
    {
        if (Status != PurchaseStatus.Contracted)
        {
            return Error.Conflict("purchase:bad-step", $"采购{Label(Status)}，不能提交服务成果");
        }

        (DeliveryNote, DeliveredOn, Status) = (note, today, PurchaseStatus.Delivered);
        return Result.Ok();
    }

    public Result Accept(DateOnly today)
    {
        if (Status != PurchaseStatus.Delivered)
        {
            return Error.Conflict("purchase:bad-step", $"采购{Label(Status)}，不能验收");
        }

        (AcceptedOn, Status) = (today, PurchaseStatus.Accepted);
        return Result.Ok();
    }

    public Result Rate(ServiceRating rating)
    {
        if (Status != PurchaseStatus.Accepted)
        {
            return Error.Conflict("purchase:bad-step", Status == PurchaseStatus.Rated ? "已评价过" : "验收后方可评价");
        }

        (Rating, Status) = (rating, PurchaseStatus.Rated);
        return Result.Ok();
    }

    public bool OnTime => DeliveredOn is { } d && d <= Deadline;
}

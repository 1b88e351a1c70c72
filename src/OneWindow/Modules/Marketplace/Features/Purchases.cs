using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Marketplace.Features;

internal sealed record PublishPurchaseInput
{
    public string? ServiceType { get; init; }

    public string? Title { get; init; }

    public string? Scope { get; init; }

    public decimal? Budget { get; init; }

    /// <summary>The service must be delivered by this date.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>The qualification the intermediary must hold (its kind, e.g. 测绘资质); the service type's usual one when left out.</summary>
    public string? Qualification { get; init; }

    /// <summary>The lowest level accepted (甲级, 乙级, 丙级); any when left out.</summary>
    public string? QualificationLevel { get; init; }

    /// <summary>draw (随机抽取), bid (竞价) or direct (直接选取).</summary>
    public string? Method { get; init; }

    public DateTimeOffset? SignUpUntil { get; init; }

    /// <summary>An applicant buying for a construction project names it.</summary>
    public string? ProjectCode { get; init; }

    /// <summary>直接选取: the intermediary chosen and why.</summary>
    public Guid? IntermediaryId { get; init; }

    public string? Reason { get; init; }
}

internal sealed record BidInput(decimal? Price);

internal sealed record ObjectionInput(string? Reason);

internal sealed record ResolveInput(bool? Upheld, string? Reply);

internal sealed record ContractInput(decimal? Amount);

internal sealed record DeliverInput(string? Note);

internal sealed record RateInput(int? OnTime, int? Quality, int? Price, string? Comment);

internal sealed record DrawView(string Rule, string Seed, IReadOnlyList<Ranked> Ranking, IReadOnlyDictionary<string, string> Excluded);

internal sealed record PurchaseView(
    Guid Id, string Number, string BuyerKind, string BuyerKindLabel, string BuyerName, string RegionCode, string? ProjectCode, string ServiceType, string ServiceTypeName,
    string Title, string Scope, decimal Budget, DateOnly Deadline, string Qualification, string? QualificationLevel, string Method, string MethodLabel, DateTimeOffset SignUpUntil,
    string SeedCommitment, string? Seed, string Status, string StatusLabel, int SignUpCount, IReadOnlyList<SignUp> SignUps, DrawView? Draw, Guid? WinnerId, string? WinnerName,
    decimal? WinningPrice, string? DirectReason, DateOnly? PublicityUntil, IReadOnlyList<Objection> Objections, decimal? ContractAmount, DateOnly? ContractSignedOn,
    DateOnly? DeliveredOn, string? DeliveryNote, DateOnly? AcceptedOn, ServiceRating? Rating, bool IsBuyer, int Version);

/// <summary>
/// 中介超市 purchases, published openly: a buyer publishes (the draw's seed committed), qualified intermediaries sign up or bid, the buyer
/// closes and the selection is made by the rule (the seed revealed), 公示 with objections, contract, delivery, acceptance and rating (which
/// feeds the intermediary's public score). Anyone may read a purchase; bid prices and the seed stay hidden until sign-up closes.
/// </summary>
internal sealed class Purchases(
    AppDbContext db, IDepartmentDirectory departments, WorkingDayCalendar calendar, AuditTrail audit, IOptions<MarketplaceOptions> options, ICurrentUser user, TimeProvider clock)
{
    public const string DrawRule = "种子的 SHA-256 在报名截止前公布；截止后公布种子。合格报名机构按 HMAC-SHA256(密钥=种子的字节, 消息=机构编号) 的十六进制由小到大排序，第一名中选";

    private static Error NotFound => Error.NotFound("purchase:not-found", "采购项目不存在");

    public async Task<Result<PurchaseView>> PublishAsync(PublishPurchaseInput input, CancellationToken ct)
    {
        if (PurchaseAccess.BuyerCodeOf(user) is not { } buyerCode)
        {
            return Error.Forbidden("purchase:not-buyer", "由乡镇（街道）、县直或市直部门的采购人，或项目业主、申请人本人发布中介服务采购");
        }

        var errors = new FieldErrors();
        var type = input.ServiceType?.Trim() ?? "";
        if (!ServiceTypes.IsKnown(type))
        {
            errors.Add("serviceType", $"服务类型为：{string.Join("、", ServiceTypes.All.Select(t => $"{t.Code}（{t.Name}）"))}");
        }

        var title = input.Title?.Trim() ?? "";
        if (title.Length is < 4 or > 100 || TextRules.TextProblem(title) is not null)
        {
            errors.Add("title", "请填写采购项目名称（4 到 100 字）");
        }

        var scope = input.Scope?.Trim() ?? "";
        if (scope.Length is < 4 or > 2000 || TextRules.TextProblem(scope) is not null)
        {
            errors.Add("scope", "请写明服务范围与成果要求（4 到 2000 字）");
        }

        if (input.Budget is not (> 0 and <= 100_000_000))
        {
            errors.Add("budget", "请填写预算上限（元）");
        }

        var today = clock.TodayInChina();
        if (input.Deadline is not { } deadline || deadline <= today || deadline > today.AddYears(3))
        {
            errors.Add("deadline", "服务完成期限应在今天之后、三年之内");
        }

        if (!TextRules.TryEnum<SelectionMethod>(input.Method ?? "", out var method))
        {
            errors.Add("method", "选取方式为 draw（随机抽取）、bid（竞价）或 direct（直接选取）");
        }

        var level = string.IsNullOrWhiteSpace(input.QualificationLevel) ? null : input.QualificationLevel.Trim();
        if (level is not null && !ServiceTypes.Levels.Contains(level))
        {
            errors.Add("qualificationLevel", $"资质等级为：{string.Join("、", ServiceTypes.Levels)}");
        }

        var qualification = string.IsNullOrWhiteSpace(input.Qualification) ? ServiceTypes.All.FirstOrDefault(t => t.Code == type).Qualification ?? "" : input.Qualification.Trim();
        var now = clock.Now();
        var o = options.Value;
        var until = input.SignUpUntil ?? now.AddDays(3);
        if (method != SelectionMethod.Direct && (until < now.AddHours(o.MinSignUpHours) || until > now.AddDays(60)))
        {
            errors.Add("signUpUntil", $"报名截止时间应在发布后 {o.MinSignUpHours} 小时到 60 天之间");
        }

        Intermediary? chosen = null;
        var reason = input.Reason?.Trim();
        if (method == SelectionMethod.Direct)
        {
            if (input.Budget > o.DirectThreshold)
            {
                errors.Add("method", $"预算超过 {o.DirectThreshold:0} 元，不能直接选取，请用随机抽取或竞价");
            }

            if (reason is not { Length: >= 4 and <= 500 } || TextRules.TextProblem(reason) is not null)
            {
                errors.Add("reason", "直接选取须写明理由（4 到 500 字）");
            }

            chosen = input.IntermediaryId is { } chosenId ? await db.Set<Intermediary>().SingleOrDefaultAsync(i => i.Id == chosenId, ct) : null;
            if (chosen is null)
            {
                errors.Add("intermediaryId", "请选择中介机构");
            }
        }

        var project = string.IsNullOrWhiteSpace(input.ProjectCode) ? null : input.ProjectCode.Trim();
        if (project is { Length: > 40 })
        {
            errors.Add("projectCode", "项目代码不超过 40 个字符");
        }

        if (errors.Any)
        {
            return errors.ToError("purchase:invalid", "采购信息有误");
        }

        var (kind, name, region) = await BuyerAsync(buyerCode, project, ct);
        if (chosen?.Disqualified(type, qualification, level, region, today) is { } why)
        {
            return Error.Field("intermediaryId", $"{chosen.Name}：{why}");
        }

        var (seed, commitment) = Purchase.NewSeed();
        var p = new Purchase
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), BuyerKind = kind, BuyerName = name, BuyerCode = buyerCode, RegionCode = region, ProjectCode = project,
            ServiceType = type, Title = title, Scope = scope, Budget = input.Budget!.Value, Deadline = input.Deadline!.Value, Qualification = qualification,
            QualificationLevel = level, Method = method, SignUpUntil = method == SelectionMethod.Direct ? now : Timestamps.Normalize(until), Seed = seed,
            SeedCommitment = commitment, Status = PurchaseStatus.Open, CreatedByName = user.DisplayName ?? user.UserName ?? "", CreatedAt = now,
        };
        p.Number = $"ZJ{today:yyyyMMdd}{await DayCounters.NextAsync(db, "purchase", today, ct):D4}";
        if (chosen is not null)
        {
            p.SelectDirectly(chosen.Id, chosen.Name, reason!, now, await PublicityUntilAsync(today, ct));
        }

        db.Add(p);
        audit.Record(new AuditRecord(region, "Purchase", p.Id.ToString(), "PurchasePublished", new { p.Number, method = method.ToString(), p.Budget, p.SeedCommitment, winner = p.WinnerName }));
        await db.SaveChangesAsync(ct);
        return View(p);
    }

    /// <summary>Who the buyer is: a township office (街道、乡镇), a county body, a city department, or an applicant (with its project).</summary>
    private async Task<(string Kind, string Name, string Region)> BuyerAsync(string buyerCode, string? project, CancellationToken ct)
    {
        if (user.IsStaff)
        {
            var d = await departments.FindAsync(buyerCode, ct);
            var region = d?.RegionCode ?? user.RegionCode ?? DemoCity.City;
            var kind = buyerCode.EndsWith("JD", StringComparison.Ordinal) || d?.Name.EndsWith("乡人民政府", StringComparison.Ordinal) == true || d?.Name.EndsWith("镇人民政府", StringComparison.Ordinal) == true
                ? "township" : region.EndsWith("00", StringComparison.Ordinal) ? "department" : "county";
            return (kind, d?.Name ?? buyerCode, region);
        }

        return (project is null ? "applicant" : "project", user.DisplayName ?? "", user.RegionCode ?? DemoCity.City);
    }

    public static string BuyerLabel(string kind) => kind switch
    {
        "township" => "乡镇（街道）",
        "county" => "县直部门",
        "department" => "市直部门",
        "project" => "项目业主",
        _ => "申请人",
    };

    private async Task<DateOnly> PublicityUntilAsync(DateOnly today, CancellationToken ct)
    {
        var days = options.Value.PublicityWorkingDays;
        if (days <= 0)
        {
            return today.AddDays(-1);
        }

        var rules = await calendar.RulesAsync(ct);
        return rules.AddWorkingDays(today, days) is { IsSuccess: true } r ? r.Value : today.AddDays(days * 7 / 5 + 1);
    }

    public async Task<Page<PurchaseView>> ListAsync(string? status, string? serviceType, bool mine, int page, int size, CancellationToken ct)
    {
        var q = db.Set<Purchase>().AsNoTracking();
        if (TextRules.TryEnum<PurchaseStatus>(status ?? "", out var s))
        {
            q = q.Where(p => p.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(serviceType))
        {
            q = q.Where(p => p.ServiceType == serviceType.Trim());
        }

        if (mine)
        {
            var code = PurchaseAccess.BuyerCodeOf(user) ?? "-";
            q = q.Where(p => p.BuyerCode == code);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(p => p.CreatedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PurchaseView>([.. rows.Select(View)], total, page, size);
    }

    public async Task<PurchaseView?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Purchase>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? View(p) : null;

    private async Task<Intermediary?> MineAsync(CancellationToken ct)
    {
        var me = user.UserId ?? "-";
        return user.IsStaff ? null : await db.Set<Intermediary>().FirstOrDefaultAsync(i => i.OwnerUserId == me, ct);
    }

    public Task<Result<PurchaseView>> SignUpAsync(Guid id, BidInput? bid, int? version, CancellationToken ct) => ChangeAsync(id, version, bid is null ? "PurchaseSignUp" : "PurchaseBid", async p =>
    {
        if (await MineAsync(ct) is not { } mine)
        {
            return Error.Forbidden("purchase:not-intermediary", "以入驻中介超市的机构账号报名");
        }

        if (p.Status != PurchaseStatus.Open || clock.GetUtcNow() > p.SignUpUntil)
        {
            return Error.Conflict("purchase:closed", "报名已截止");
        }

        if (p.Method == SelectionMethod.Bid && bid is null)
        {
            return Error.Conflict("purchase:bid-needed", "本项目为竞价，请报价（/bid）");
        }

        if (p.Method != SelectionMethod.Bid && bid is not null)
        {
            return Error.Conflict("purchase:no-bids", $"本项目为{Purchase.Label(p.Method)}，直接报名（/sign-up）");
        }

        if (bid is not null && (bid.Price is not { } price || price <= 0 || price > p.Budget))
        {
            return Error.Field("price", $"报价应大于 0 且不超过预算上限 {p.Budget:0.00} 元");
        }

        if (mine.Disqualified(p.ServiceType, p.Qualification, p.QualificationLevel, p.RegionCode, clock.TodayInChina()) is { } why)
        {
            return new Error("purchase:not-qualified", $"不符合报名条件：{why}", ErrorKind.Unprocessable);
        }

        if (p.SignUps.Any(s => s.IntermediaryId == mine.Id))
        {
            return Error.Conflict("purchase:signed-up", "已报名");
        }

        p.SignUps = [.. p.SignUps, new SignUp(mine.Id, mine.Name, clock.Now(), bid?.Price)];
        return Result.Ok();
    }, ct);

    /// <summary>截止报名 and select: qualification is checked again as of today (a lapsed one is set aside, with why).</summary>
    public Task<Result<PurchaseView>> CloseAsync(Guid id, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseClosed", async p =>
    {
        if (!MayManage(p))
        {
            return Error.Forbidden("purchase:not-buyer", "由采购人截止报名");
        }

        var today = clock.TodayInChina();
        var ids = p.SignUps.Select(s => s.IntermediaryId).ToList();
        var who = await db.Set<Intermediary>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var candidates = p.SignUps.Select(s => (s, who.TryGetValue(s.IntermediaryId, out var i) ? i.Disqualified(p.ServiceType, p.Qualification, p.QualificationLevel, p.RegionCode, today) : "机构不存在",
            who.TryGetValue(s.IntermediaryId, out var j) ? j.Score : 0m)).ToList();
        return p.Close(candidates, clock.Now(), await PublicityUntilAsync(today, ct));
    }, ct);

    public Task<Result<PurchaseView>> ObjectAsync(Guid id, ObjectionInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseObjection", p =>
    {
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is < 4 or > 1000 || TextRules.TextProblem(reason) is not null)
        {
            return Task.FromResult<Result>(Error.Field("reason", "请写明异议的事实和理由（4 到 1000 字）"));
        }

        if (MayManage(p))
        {
            return Task.FromResult<Result>(Error.Forbidden("purchase:own-purchase", "采购人不能对自己的采购结果提出异议"));
        }

        return Task.FromResult(p.Object(new Objection(Guid.CreateVersion7(clock.GetUtcNow()), user.DisplayName ?? user.UserName ?? "", user.UserId, reason, clock.Now(), null, null),
            clock.TodayInChina()));
    }, ct);

    public Task<Result<PurchaseView>> ResolveAsync(Guid id, ResolveInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseObjectionAnswered", async p =>
    {
        if (!MayManage(p))
        {
            return Error.Forbidden("purchase:not-buyer", "由采购人答复异议");
        }

        var reply = input.Reply?.Trim() ?? "";
        if (input.Upheld is null || reply.Length is < 4 or > 1000 || TextRules.TextProblem(reply) is not null)
        {
            return Error.Field(input.Upheld is null ? "upheld" : "reply", "请选择异议是否成立（upheld）并写明答复（4 到 1000 字）");
        }

        return p.Resolve(input.Upheld.Value, reply, await PublicityUntilAsync(clock.TodayInChina(), ct));
    }, ct);

    public Task<Result<PurchaseView>> ContractAsync(Guid id, ContractInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseContracted", async p =>
    {
        if (!MayManage(p))
        {
            return Error.Forbidden("purchase:not-buyer", "由采购人签订合同");
        }

        var done = p.Contract(input.Amount ?? p.WinningPrice ?? 0, clock.TodayInChina());
        if (done.IsSuccess && await db.Set<Intermediary>().SingleOrDefaultAsync(i => i.Id == p.WinnerId, ct) is { } winner)
        {
            winner.Contracts++;
        }

        return done;
    }, ct);

    public Task<Result<PurchaseView>> DeliverAsync(Guid id, DeliverInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseDelivered", async p =>
    {
        if (await MineAsync(ct) is not { } mine || mine.Id != p.WinnerId)
        {
            return Error.Forbidden("purchase:not-winner", "由中选机构提交服务成果");
        }

        var note = input.Note?.Trim() ?? "";
        return note.Length is < 4 or > 1000 || TextRules.TextProblem(note) is not null
            ? Error.Field("note", "请说明交付的服务成果（4 到 1000 字）")
            : p.Deliver(note, clock.TodayInChina());
    }, ct);

    public Task<Result<PurchaseView>> AcceptAsync(Guid id, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseAccepted", p =>
        Task.FromResult(MayManage(p) ? p.Accept(clock.TodayInChina()) : Error.Forbidden("purchase:not-buyer", "由采购人验收")), ct);

    public Task<Result<PurchaseView>> RateAsync(Guid id, RateInput input, int? version, CancellationToken ct) => ChangeAsync(id, version, "PurchaseRated", async p =>
    {
        if (!MayManage(p))
        {
            return Error.Forbidden("purchase:not-buyer", "由采购人评价");
        }

        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("onTime", input.OnTime), ("quality", input.Quality), ("price", input.Price) })
        {
            if (value is not (>= 1 and <= 5))
            {
                errors.Add(field, "评分为 1 到 5 分");
            }
        }

        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment is { Length: > 500 } || (comment is not null && TextRules.TextProblem(comment) is not null))
        {
            errors.Add("comment", "评价不超过 500 字");
        }

        if (errors.Any)
        {
            return errors.ToError("purchase:invalid", "评价有误");
        }

        var rating = new ServiceRating(input.OnTime!.Value, input.Quality!.Value, input.Price!.Value, comment, clock.Now());
        var done = p.Rate(rating);
        if (done.IsSuccess && await db.Set<Intermediary>().SingleOrDefaultAsync(i => i.Id == p.WinnerId, ct) is { } winner)
        {
            winner.Rate(Math.Round((rating.OnTime + rating.Quality + rating.Price) / 3m, 2));
        }

        return done;
    }, ct);

    private bool MayManage(Purchase p) => PurchaseAccess.IsBuyerCode(user, p.BuyerCode) || user.IsInRole(Roles.Admin);

    private async Task<Result<PurchaseView>> ChangeAsync(Guid id, int? version, string action, Func<Purchase, Task<Result>> change, CancellationToken ct)
    {
        if (await db.Set<Purchase>().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } p)
        {
            return NotFound;
        }

        return await db.ChangeVersionedAsync(p, version, change,
            x => audit.Record(new AuditRecord(x.RegionCode, "Purchase", x.Id.ToString(), action, new { x.Number, status = x.Status.ToString(), winner = x.WinnerName })), View, ct);
    }

    /// <summary>Before sign-up closes the seed and the bid prices are the buyer's secret as much as anyone's: only the count shows.</summary>
    private PurchaseView View(Purchase p)
    {
        var closed = p.Status != PurchaseStatus.Open;
        var buyer = PurchaseAccess.IsBuyerCode(user, p.BuyerCode);
        IReadOnlyList<SignUp> signUps = closed ? p.SignUps : [];
        return new PurchaseView(
            p.Id, p.Number, p.BuyerKind, BuyerLabel(p.BuyerKind), p.BuyerName, p.RegionCode, p.ProjectCode, p.ServiceType, ServiceTypes.NameOf(p.ServiceType), p.Title, p.Scope,
            p.Budget, p.Deadline, p.Qualification, p.QualificationLevel, p.Method.InJson(), Purchase.Label(p.Method),
            p.SignUpUntil, p.SeedCommitment, closed && p.Method == SelectionMethod.Draw ? p.Seed : null,
            p.Status.InJson(), Purchase.Label(p.Status), p.SignUps.Count, signUps,
            closed && p.Method != SelectionMethod.Direct ? new DrawView(p.Method == SelectionMethod.Draw ? DrawRule : "合格报价由低到高；同价按公开评分由高到低，再按报价先后",
                p.Method == SelectionMethod.Draw ? p.Seed : "", p.Ranking, p.Excluded) : null,
            p.WinnerId, p.WinnerName, p.WinningPrice, p.DirectReason, p.PublicityUntil, [.. p.Objections.Select(o => o with { ByUserId = null })], p.ContractAmount, p.ContractSignedOn, p.DeliveredOn, p.DeliveryNote,
            p.AcceptedOn, p.Rating, buyer, p.Version);
    }
}

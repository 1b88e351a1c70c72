using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform.Web;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Hotline.Features;

internal sealed record CallerInput(string? Name, string? Phone, string? IdNumber);

internal sealed record LocationInput(string? Address, double? Lat, double? Lng);

/// <summary><c>POST /api/v1/work-orders</c> (../shared/API.md, "Hotline"): enums as their names, checked field by field.</summary>
internal sealed record WorkOrderInput(
    string? Channel, string? Type, string? CategoryCode, CallerInput? Caller, bool? Confidential, string? Content, LocationInput? Location, string? Urgency,
    List<Guid>? Attachments, string? RegionCode = null);

internal sealed record CallerView(string Name, string Phone, string? IdNumber);

internal sealed record LocationView(string Address, double? Lat, double? Lng);

internal sealed record StepView(DateTimeOffset At, string Action, string Actor, string Note);

/// <summary>An order as its viewer may see it: <see cref="Caller"/> is whole for hotline agents and the caller, masked for oversight, absent when confidential.</summary>
internal sealed record WorkOrderView(
    Guid Id, string Number, WorkOrderStatus Status, string StatusLabel, WorkOrderChannel Channel, WorkOrderType Type, string TypeLabel, string CategoryCode, string Category,
    CallerView? Caller, bool Confidential, string Content, LocationView Location, string RegionCode, WorkOrderUrgency Urgency, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
    bool DueProvisional, WorkOrderDeadline Deadline, string DeadlineLabel, string? LeadDepartment, IReadOnlyList<string> AssistingDepartments, DateOnly? ReturnBy, int Returns,
    string? Reply, ExtensionView? Extension, SupervisionView? Supervision, Guid? ParentId, int Reopens, Guid? AnswerArticleId,
    IReadOnlyList<StepView> Timeline, int Version)
{
    /// <summary>Earlier open orders from the same phone or at the same address with similar content (agents only; 并单 candidates).</summary>
    public IReadOnlyList<DuplicateCandidate>? PossibleDuplicates { get; init; }
}

internal sealed record ExtensionView(int GrantedDays, int? RequestedDays, string? Reason);

internal sealed record SupervisionView(string Notice, DateTimeOffset At, DateTimeOffset? AcknowledgedAt);

internal sealed record DuplicateCandidate(Guid Id, string Number, string StatusLabel, DateTimeOffset ReceivedAt, string Why);

internal sealed record WorkOrderCreated(Guid Id, string Number, WorkOrderStatus Status, DateTimeOffset DueAt);

internal sealed record DispatchInput(string? Lead, List<string>? Assisting);

internal sealed record ReasonInput(string? Reason);

internal sealed record ReplyInput(string? Reply, List<Guid>? Attachments);

internal sealed record ReviewInput(bool? Accept, string? Reason);

internal sealed record AnswerInput(Guid? ArticleId, string? Answer);

internal sealed record ExtendInput(int? WorkingDays, string? Reason);

internal sealed record SuperviseInput(string? Notice);

internal sealed record MergeInput(Guid? ParentId);

internal sealed record CloseInput(string? Reason);

/// <summary>Public tracking: status and steps, no caller, no content, no officer.</summary>
internal sealed record TrackedWorkOrder(
    string Number, WorkOrderStatus Status, string StatusLabel, string TypeLabel, string Category, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string? Reply,
    IReadOnlyList<TrackedOrderStep> Steps);

internal sealed record TrackedOrderStep(DateTimeOffset At, string Step);

/// <summary>
/// 受理 of 12345 work orders (ADR 0022, slice 1): taken by a hotline agent from a call, or filed by a signed-in citizen on
/// the portal; numbered RX-yyyyMMdd-NNNN per day; due in five working days (24 hours when urgent); on the audit chain.
/// Who sees the caller is decided in one place, <see cref="View"/>.
/// </summary>
internal sealed partial class WorkOrders(
    AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, DivisionRegistry divisions, IDepartmentDirectory departments, IDirectMessages messages,
    DispatchSuggestions suggestions, WorkOrderRatingCodes ratingCodes, GroupCommit groupCommit, Ratings.Contracts.IRectifications rectifications, IHttpContextAccessor http,
    ICurrentUser user, TimeProvider clock)
{
    /// <summary>投诉 in these categories are about a government service (服务评价: 窗口服务态度, 办事效率 …): closing one opens a rectification.</summary>
    public const string ServiceComplaints = "0302";

    public const int ContentMaxLength = 2000;
    public const int ReplyWorkingDays = 5;
    public const int UrgentHours = 24;

    private static Error NotFound => Error.NotFound("work-order:not-found", "工单不存在");

    public static Error TrackNotFound => Error.NotFound("work-order:not-found", "未找到工单：请核对工单编号和来电号码后 4 位");

    private bool IsAgent => user.IsInRole(Roles.HotlineAgent);

    private bool IsOversight => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex Landline();

    public async Task<Result<WorkOrderCreated>> CreateAsync(WorkOrderInput input, string? key, CancellationToken ct)
    {
        if (key is { Length: > 100 })
        {
            return Error.Field("Idempotency-Key", "Idempotency-Key 不超过 100 个字符");
        }

        if (!IsAgent && !user.IsInRole(Roles.Applicant))
        {
            return Error.Forbidden("work-order:forbidden", "只有 12345 热线坐席或实名用户可以提交工单");
        }

        if (key is not null && await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.ReceivedById == user.UserId && o.IdempotencyKey == key, ct) is { } earlier)
        {
            return Created(earlier);
        }

        var errors = new FieldErrors();
        var channel = Parse<WorkOrderChannel>(input.Channel, "channel", "受理渠道应为 phone、web、mobile、open311、unresolvedWindow 或 rating", errors);
        if (!IsAgent && channel is not null and not WorkOrderChannel.Web)
        {
            errors.Add("channel", "网上提交的工单渠道为 web");
        }

        var type = Parse<WorkOrderType>(input.Type, "type", "诉求类型应为 consultation（咨询）、help（求助）、complaint（投诉）、report（举报）、suggestion（建议）或 praise（表扬）", errors);
        var urgency = input.Urgency is null ? WorkOrderUrgency.Normal : Parse<WorkOrderUrgency>(input.Urgency, "urgency", "紧急程度应为 normal（一般）或 urgent（紧急）", errors);
        var category = input.CategoryCode?.Trim() ?? "";
        if (!HotlineCategories.IsLeaf(category))
        {
            errors.Add("categoryCode", "请选择诉求分类的末级（如 010101 城乡建设 > 物业管理 > 电梯故障）");
        }

        var name = input.Caller?.Name?.Trim() ?? "";
        if (TextRules.NameProblem(name) is not null || name.Length == 0)
        {
            errors.Add("caller.name", name.Length == 0 ? "请填写来电人姓名（可填“匿名”）" : TextRules.NameProblem(name)!);
        }

        var phone = new string((input.Caller?.Phone ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        var mobile = Mobile.Check(phone);
        if (mobile.Valid)
        {
            phone = mobile.Normalized;
        }
        else if (!Landline().IsMatch(phone))
        {
            errors.Add("caller.phone", "请填写来电号码：11 位手机号或带区号的固定电话（如 0543-3161234）");
        }

        string? idNumber = null;
        if (!string.IsNullOrWhiteSpace(input.Caller?.IdNumber))
        {
            var id = ResidentId.Check(input.Caller.IdNumber, divisions, clock.TodayInChina());
            if (id.Valid)
            {
                idNumber = id.Normalized;
            }
            else
            {
                errors.Add("caller.idNumber", id.Errors[0]);
            }
        }

        var content = input.Content?.Trim() ?? "";
        if (content.Length < 5 || content.Length > ContentMaxLength || TextRules.TextProblem(content, ContentMaxLength) is not null)
        {
            errors.Add("content", $"请写明诉求内容（5–{ContentMaxLength} 字）");
        }

        var address = input.Location?.Address?.Trim() ?? "";
        if (address.Length > 200 || TextRules.NameProblem(address, 200) is not null)
        {
            errors.Add("location.address", "地址最多 200 字，且不含换行与控制字符");
        }

        if (input.Location?.Lat is { } lat && lat is < -90 or > 90)
        {
            errors.Add("location.lat", "纬度应在 -90 到 90 之间");
        }

        if (input.Location?.Lng is { } lng && lng is < -180 or > 180)
        {
            errors.Add("location.lng", "经度应在 -180 到 180 之间");
        }

        if (input.Attachments is { Count: > 0 })
        {
            // Said plainly rather than dropped: the hotline keeps no files yet (ADR 0022).
            errors.Add("attachments", "工单附件暂不能在受理时上传，请在诉求内容中说明");
        }

        var region = RegionOf(input.RegionCode, address);
        if (region is null)
        {
            errors.Add("regionCode", "诉求所在区县应为本辖区内的行政区划代码（如 371602 滨城区）");
        }

        if (errors.Any)
        {
            return errors.ToError("work-order:invalid", "工单信息有误");
        }

        var now = clock.Now();
        var (dueAt, provisional) = await DueAsync(now, urgency!.Value, ct);
        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(now), RegionCode = region!, Channel = channel!.Value, Type = type!.Value,
            CategoryCode = category, CallerName = name, CallerPhone = phone, CallerIdNumber = idNumber, CallerUserId = IsAgent ? null : user.UserId,
            Confidential = input.Confidential == true, Content = content, Address = address, Latitude = input.Location?.Lat, Longitude = input.Location?.Lng,
            Urgency = urgency.Value, Status = WorkOrderStatus.Received, ReceivedAt = now, DueAt = dueAt, DueProvisional = provisional,
            ReceivedById = user.UserId!, ReceivedByName = user.DisplayName ?? "", ReceivedByDepartment = IsAgent ? user.DepartmentCode : null, IdempotencyKey = key,
        };

        return await ReceiveAsync(order, ct);
    }

    /// <summary>
    /// The one way an order enters (agents, citizens, Open311): numbered from the day's counter (<see cref="DayCounters"/>,
    /// in the same transaction), its first step recorded, saved as a member of the platform's group commit. A retry with
    /// the same Idempotency-Key returns the order the first made, also when the two raced (the unique index decides).
    /// </summary>
    internal async Task<Result<WorkOrderCreated>> ReceiveAsync(WorkOrder order, CancellationToken ct)
    {
        var today = clock.TodayInChina();
        var (by, key) = (order.ReceivedById, order.IdempotencyKey);
        var attempts = 0;
        try
        {
            await groupCommit.RunAsync(db, async () =>
            {
                if (attempts++ > 0)
                {
                    // Run again after losing a deadlock to another writer: from scratch.
                    db.ChangeTracker.Clear();
                }

                var sequence = await DayCounters.NextAsync(db, NumberScope, today, CancellationToken.None);
                order.Number = $"RX-{today:yyyyMMdd}-{sequence:0000}";
                order.Steps.Clear();
                db.Add(order);
                Record<WorkOrderReceived>(order, order.ReceivedAt, order.ReceivedByName, $"受理（{WorkOrderLabels.Of(order.Channel)}）");
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            });
        }
        catch (DbUpdateException) when (key is not null)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.ReceivedById == by && o.IdempotencyKey == key, ct) is { } raced)
            {
                return Created(raced);
            }

            throw;
        }

        return Created(order);
    }

    /// <summary>The day counter of 12345 numbers (the demo data numbers its orders from it too).</summary>
    public const string NumberScope = "hotline";

    private static WorkOrderCreated Created(WorkOrder o) => new(o.Id, o.Number, o.Status, o.DueAt);

    /// <summary>Five working days on the Platform calendar (end of that day, Beijing time), or 24 hours for an urgent order.</summary>
    internal async Task<(DateTimeOffset At, bool Provisional)> DueAsync(DateTimeOffset now, WorkOrderUrgency urgency, CancellationToken ct)
    {
        if (urgency == WorkOrderUrgency.Urgent)
        {
            return (now.AddHours(UrgentHours), false);
        }

        var due = (await calendar.RulesAsync(ct)).Deadline(clock.TodayInChina(), ReplyWorkingDays);
        var (date, provisional) = due.IsSuccess ? due.Value : (clock.TodayInChina().AddDays(7), true);
        return (new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)).ToUniversalTime(), provisional);
    }

    private static T? Parse<T>(string? value, string field, string message, FieldErrors errors)
        where T : struct, Enum
    {
        if (TextRules.TryEnum<T>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, message);
        return null;
    }

    /// <summary>
    /// The district the request is about: the one named, or the county the address names, or the agent's own region; it
    /// must lie within the region of whoever files it (a citizen files in the city).
    /// </summary>
    private string? RegionOf(string? asked, string address)
    {
        var own = user.RegionCode is { Length: > 0 } r && IsAgent ? r : DemoCity.City;
        if (!string.IsNullOrWhiteSpace(asked))
        {
            var code = asked.Trim();
            return divisions.Find(code) is not null && Regions.Covers(own, code) ? code : null;
        }

        return CountyIn(own, address);
    }

    /// <summary>The district of <paramref name="region"/> that <paramref name="address"/> names (滨城区 → 371602), else the region itself.</summary>
    internal string CountyIn(string region, string address) =>
        divisions.Children(region).FirstOrDefault(d => address.Contains(d.Name, StringComparison.Ordinal))?.Code ?? region;

    /// <summary>Hotline agents of its region, oversight everywhere, and the citizen who filed it; anyone else: not found.</summary>
    private bool MaySee(WorkOrder o) =>
        IsAgentFor(o) || IsOversight || (o.CallerUserId is not null && o.CallerUserId == user.UserId) || IsDepartmentOf(o, withAssisting: true);

    private bool IsAgentFor(WorkOrder o) => IsAgent && Regions.Covers(user.RegionCode, o.RegionCode);

    /// <summary>Staff of the lead department (and, to read, of a helping one).</summary>
    private bool IsDepartmentOf(WorkOrder o, bool withAssisting = false) =>
        user.IsStaff && user.DepartmentCode is { Length: > 0 } d && (d == o.LeadDepartment || (withAssisting && o.AssistingDepartments.Contains(d)));

    public async Task<Result<WorkOrderView>> GetAsync(Guid id, CancellationToken ct)
    {
        var order = await db.Set<WorkOrder>().AsNoTracking().Include(o => o.Steps).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null || !MaySee(order))
        {
            return NotFound;
        }

        var view = View(order);
        return IsAgentFor(order) && order.Status == WorkOrderStatus.Received ? view with { PossibleDuplicates = await DuplicatesAsync(order, ct) } : view;
    }

    /// <summary>How far back a repeated call counts as a duplicate.</summary>
    public const int DuplicateDays = 7;

    /// <summary>
    /// 重复件: earlier orders of the last <see cref="DuplicateDays"/> days not yet merged, from the same phone, or at the same
    /// address, whose content shares at least a third of its word pairs with this one.
    /// </summary>
    private async Task<IReadOnlyList<DuplicateCandidate>> DuplicatesAsync(WorkOrder o, CancellationToken ct)
    {
        var since = o.ReceivedAt.AddDays(-DuplicateDays);
        var rows = await db.Set<WorkOrder>().AsNoTracking()
            .Where(x => x.Id != o.Id && x.ReceivedAt >= since && x.ReceivedAt <= o.ReceivedAt && x.Status != WorkOrderStatus.Merged
                        && (x.CallerPhone == o.CallerPhone || (o.Address != "" && x.Address == o.Address)))
            .OrderByDescending(x => x.ReceivedAt).Take(20).ToListAsync(ct);
        var words = Bigrams.Of(o.Content);
        return [.. rows.Select(x => (x, Similar: Similarity(words, Bigrams.Of(x.Content))))
            .Where(p => p.Similar >= 1.0 / 3)
            .Select(p => new DuplicateCandidate(p.x.Id, p.x.Number, WorkOrderLabels.Of(p.x.Status), p.x.ReceivedAt,
                (p.x.CallerPhone == o.CallerPhone ? "同一来电号码" : "同一地址") + $"，内容相似 {Math.Round(p.Similar * 100)}%"))];
    }

    private static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    public async Task<Result<Page<WorkOrderView>>> ListAsync(string? status, string? department, bool? overdue, int page, int pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        WorkOrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Parse<WorkOrderStatus>(status, "status", "状态应为 received、dispatched、signed、replied、closed、answered 或 merged", errors);
        }

        if (page < 1 || pageSize is < 1 or > 100)
        {
            errors.Add("pageSize", "页码从 1 开始，每页 1 到 100 条");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var rows = Scoped(wanted, department, overdue);
        var total = await rows.CountAsync(ct);
        var found = await rows.Include(o => o.Steps).OrderByDescending(o => o.ReceivedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<WorkOrderView>([.. found.Select(View)], total, page, pageSize);
    }

    /// <summary>
    /// The orders the signed-in person may list — oversight every order, agents their region's, department staff those
    /// they lead, citizens their own — narrowed by status, lead department and 超期 (overdue: past due and still running).
    /// </summary>
    private IQueryable<WorkOrder> Scoped(WorkOrderStatus? status = null, string? department = null, bool? overdue = null)
    {
        IQueryable<WorkOrder> orders = db.Set<WorkOrder>().AsNoTracking();
        if (!IsOversight)
        {
            var prefix = Regions.Prefix(user.RegionCode);
            var own = user.IsStaff ? user.DepartmentCode : null;
            var me = user.UserId;
            orders = IsAgent ? orders.Where(o => o.RegionCode.StartsWith(prefix))
                : own is { Length: > 0 } ? orders.Where(o => o.LeadDepartment == own)
                : orders.Where(o => o.CallerUserId != null && o.CallerUserId == me);
        }

        if (status is { } s)
        {
            orders = orders.Where(o => o.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            var d = department.Trim();
            orders = orders.Where(o => o.LeadDepartment == d);
        }

        if (overdue is { } late)
        {
            orders = late ? orders.Where(o => o.DeadlineState == WorkOrderDeadline.Overdue && Running.Contains(o.Status))
                : orders.Where(o => o.DeadlineState != WorkOrderDeadline.Overdue || !Running.Contains(o.Status));
        }

        return orders;
    }

    /// <summary>来电记录: the orders from this phone in the agent's region, the latest first (agents only: the console shows them beside the new call).</summary>
    public async Task<IReadOnlyList<WorkOrderView>> CallerHistoryAsync(string? phone, CancellationToken ct)
    {
        var digits = new string((phone ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (!IsAgent || digits.Length < 7)
        {
            return [];
        }

        var rows = await Scoped().Where(o => o.CallerPhone == digits).OrderByDescending(o => o.ReceivedAt).Take(10).Include(o => o.Steps).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <summary>The running orders past 预警 or overdue that the signed-in person may list, the latest due first (the supervision board).</summary>
    public async Task<IReadOnlyList<WorkOrderView>> LateAsync(CancellationToken ct)
    {
        var rows = await Scoped().Where(o => Running.Contains(o.Status) && o.DeadlineState != WorkOrderDeadline.Normal)
            .OrderBy(o => o.DueAt).Take(200).Include(o => o.Steps).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <summary>The list as CSV (导出), through the same projection as the API: a confidential caller is absent, phones masked for all but agents.</summary>
    public async Task<Result<byte[]>> ExportAsync(string? status, string? department, bool? overdue, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(status) && StatusOf(status) is null)
        {
            return Error.Field("status", "状态应为 received、dispatched、signed、replied、closed、answered 或 merged");
        }

        var csv = new CsvText(["工单编号", "受理时间", "渠道", "类型", "分类", "来电人", "来电号码", "诉求内容", "地址", "主办部门", "状态", "时限", "到期", "答复"]);
        var rows = await Scoped(StatusOf(status), department, overdue).OrderByDescending(o => o.ReceivedAt).Take(10_000).ToListAsync(ct);
        foreach (var v in rows.Select(View))
        {
            csv.Add([v.Number, v.ReceivedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), WorkOrderLabels.Of(v.Channel), v.TypeLabel,
                v.Category, v.Caller?.Name ?? "（保密）", v.Caller?.Phone ?? "", v.Content, v.Location.Address, v.LeadDepartment ?? "", v.StatusLabel, v.DeadlineLabel,
                v.DueAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), v.Reply ?? ""]);
        }

        return csv.ToBytes();
    }

    private static WorkOrderStatus? StatusOf(string? status) =>
        string.IsNullOrWhiteSpace(status) ? null : Enum.TryParse<WorkOrderStatus>(status.Trim(), true, out var s) ? s : null;

    /// <summary>The states in which an order runs against its due time (as a list, for queries).</summary>
    internal static readonly WorkOrderStatus[] Running = [WorkOrderStatus.Received, WorkOrderStatus.Dispatched, WorkOrderStatus.Signed, WorkOrderStatus.Replied];

    /// <summary>The one projection of an order: the caller whole for agents and the caller, masked for oversight, absent when confidential.</summary>
    private WorkOrderView View(WorkOrder o)
    {
        var own = o.CallerUserId is not null && o.CallerUserId == user.UserId;
        CallerView? caller = IsAgent || own
            ? new CallerView(o.CallerName, o.CallerPhone, own ? o.CallerIdNumber : Mask.IdentityCode(o.CallerIdNumber))
            : o.Confidential ? null : new CallerView(o.CallerName, Mask.Mobile(o.CallerPhone), Mask.IdentityCode(o.CallerIdNumber));
        return new WorkOrderView(o.Id, o.Number, o.Status, WorkOrderLabels.Of(o.Status), o.Channel, o.Type,
            WorkOrderLabels.Of(o.Type), o.CategoryCode, HotlineCategories.PathOf(o.CategoryCode), caller, o.Confidential, o.Content,
            new LocationView(o.Address, o.Latitude, o.Longitude), o.RegionCode, o.Urgency, o.ReceivedAt, o.DueAt, o.DueProvisional,
            o.DeadlineState, WorkOrderLabels.Of(o.DeadlineState), o.LeadDepartment, o.AssistingDepartments, o.ReturnBy, o.Returns, o.Reply,
            o.ExtendedDays > 0 || o.ExtensionRequestedDays is not null ? new ExtensionView(o.ExtendedDays, o.ExtensionRequestedDays, o.ExtensionReason) : null,
            o.SupervisedAt is { } at ? new SupervisionView(o.SupervisionNotice ?? "", at, o.SupervisionAcknowledgedAt) : null,
            o.ParentId, o.Reopens, o.AnswerArticleId,
            [.. o.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StepView(s.At, s.Action, IsAgent || IsOversight ? s.ActorName : "12345 热线", s.Note))], o.Version);
    }

    /// <summary>派单建议: the departments that finally handled orders like this one, with their shares, among those that may lead in its region.</summary>
    public async Task<Result<DepartmentSuggestion[]>> SuggestAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !MaySee(o))
        {
            return NotFound;
        }

        if (!IsAgentFor(o) && !IsOversight)
        {
            return Error.Forbidden("work-order:forbidden", "派单建议供 12345 热线坐席使用");
        }

        var ranked = await suggestions.SuggestAsync(o.CategoryCode, o.RegionCode, o.Content, _ => true, 20, ct);
        var known = await departments.FindManyAsync(ranked.Select(r => r.Department), ct);
        var eligible = ranked.Where(r => known.TryGetValue(r.Department, out var d) && LeadsIn(d.RegionCode, o.RegionCode)).ToList();

        // The shares are of the departments shown, so they still add up to 100.
        var top = eligible.Take(5).ToList();
        var sum = Math.Max(1, top.Sum(t => t.Share));
        return top.Select(t => new DepartmentSuggestion(t.Department, known[t.Department].Name, (int)Math.Round(100.0 * t.Share / sum))).ToArray();
    }

    /// <summary>A department may lead an order in its own region, in a region below it (a city bureau, a county's order), or above it.</summary>
    private static bool LeadsIn(string departmentRegion, string orderRegion) => Regions.Covers(orderRegion, departmentRegion) || Regions.Covers(departmentRegion, orderRegion);

    /// <summary>直接办结: the agent answers a 咨询 on the line, from a 知识库 article or in their own words.</summary>
    public Task<Result<WorkOrderView>> AnswerAsync(Guid id, AnswerInput input, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderAnswered>(id, version, IsAgentFor, async (o, now) =>
        {
            var answer = input.Answer?.Trim() ?? "";
            KnowledgeArticle? article = null;
            if (input.ArticleId is { } articleId && (article = await db.Set<KnowledgeArticle>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == articleId, ct)) is null)
            {
                return Error.Field("articleId", "知识库中没有这篇文章");
            }

            if (answer.Length == 0 && article is not null)
            {
                answer = article.Body.Length > ContentMaxLength ? article.Body[..ContentMaxLength] : article.Body;
            }

            if (answer.Length < 5 || answer.Length > ContentMaxLength || TextRules.TextProblem(answer, ContentMaxLength) is not null)
            {
                return Error.Field("answer", $"请写明答复内容（5–{ContentMaxLength} 字），或选择知识库文章");
            }

            var done = o.AnswerDirectly(answer, article?.Id, now);
            return done.IsSuccess ? "直接答复办结" + (article is null ? "" : $"（知识库：{article.Title}，第 {article.Revision} 版）") : done.Error!;
        }, ct);

    public Task<Result<WorkOrderView>> DispatchAsync(Guid id, DispatchInput input, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderDispatched>(id, version, IsAgentFor, async (o, now) =>
        {
            var errors = new FieldErrors();
            var lead = input.Lead?.Trim() ?? "";
            var found = lead.Length == 0 ? null : await departments.FindAsync(lead, ct);
            if (found is null || !LeadsIn(found.RegionCode, o.RegionCode))
            {
                errors.Add("lead", "请选择工单所在辖区的主办部门");
            }

            var assisting = (input.Assisting ?? []).Select(a => a.Trim()).Where(a => a.Length > 0 && a != lead).Distinct().ToList();
            foreach (var (code, i) in assisting.Select((c, i) => (c, i)))
            {
                if (await departments.FindAsync(code, ct) is null)
                {
                    errors.Add($"assisting[{i}]", $"协办部门 {code} 不存在");
                }
            }

            if (errors.Any)
            {
                return errors.ToError("work-order:invalid", "派单信息有误");
            }

            var returnBy = (await calendar.RulesAsync(ct)).Deadline(clock.TodayInChina(), ReturnWorkingDays) is { IsSuccess: true } r ? r.Value.Date : clock.TodayInChina().AddDays(ReturnWorkingDays);
            var done = o.Dispatch(lead, assisting, returnBy, now);
            return done.IsSuccess ? (Result<string>)$"派单：主办 {found!.Name}" + (assisting.Count > 0 ? $"，协办 {string.Join("、", assisting)}" : "") : done.Error!;
        }, ct);

    /// <summary>A department may return an order within this many working days of its dispatch.</summary>
    public const int ReturnWorkingDays = 2;

    public Task<Result<WorkOrderView>> SignAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderSigned>(id, version, o => IsDepartmentOf(o), (o, now) => Task.FromResult(o.Sign(now) is { IsSuccess: false } e ? (Result<string>)e.Error! : "签收"), ct);

    public Task<Result<WorkOrderView>> ReturnAsync(Guid id, ReasonInput input, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderReturned>(id, version, o => IsDepartmentOf(o), (o, _) =>
        {
            var reason = input.Reason?.Trim() ?? "";
            if (reason.Length < 4 || TextRules.TextProblem(reason) is not null)
            {
                return Task.FromResult((Result<string>)Error.Field("reason", "请写明退单理由（至少 4 个字），如“不属于本部门职责，建议派往……”"));
            }

            var department = o.LeadDepartment;
            var done = o.Return(clock.TodayInChina());
            var note = $"退单（{department}）：{reason}" + (o.Returns >= 2 ? $"（第 {o.Returns} 次退单）" : "");
            return Task.FromResult(done.IsSuccess ? (Result<string>)note : done.Error!);
        }, ct);

    public Task<Result<WorkOrderView>> ReplyAsync(Guid id, ReplyInput input, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderReplied>(id, version, o => IsDepartmentOf(o), (o, now) =>
        {
            var reply = input.Reply?.Trim() ?? "";
            if (reply.Length < 5 || reply.Length > ContentMaxLength || TextRules.TextProblem(reply, ContentMaxLength) is not null)
            {
                return Task.FromResult((Result<string>)Error.Field("reply", $"请写明办理情况和答复意见（5–{ContentMaxLength} 字）"));
            }

            if (input.Attachments is { Count: > 0 })
            {
                return Task.FromResult((Result<string>)Error.Field("attachments", "回复附件暂不能上传，请在答复中说明"));
            }

            var done = o.Answer(reply, now);
            return Task.FromResult(done.IsSuccess ? (Result<string>)("回复：" + reply) : done.Error!);
        }, ct);

    public async Task<Result<WorkOrderView>> ReviewAsync(Guid id, ReviewInput input, int? version, CancellationToken ct)
    {
        var reviewed = await ChangeAsync<WorkOrderReviewed>(id, version, IsAgentFor, async (o, now) =>
        {
            var reason = input.Reason?.Trim() ?? "";
            if (input.Accept is null)
            {
                return Error.Field("accept", "请选择审核结论：通过（true）或退回重办（false）");
            }

            if (input.Accept == false && (reason.Length < 4 || TextRules.TextProblem(reason) is not null))
            {
                return Error.Field("reason", "退回重办请写明理由（至少 4 个字）");
            }

            var done = o.Review(input.Accept.Value, now);
            if (!done.IsSuccess)
            {
                return done.Error!;
            }

            var note = input.Accept == true ? "审核通过，办结并告知来电人" : "退回重办：" + reason;
            if (o.Status == WorkOrderStatus.Closed && o.Type == WorkOrderType.Complaint && o.Reopens == 0 && o.LeadDepartment is { } lead
                && o.CategoryCode.StartsWith(ServiceComplaints, StringComparison.Ordinal))
            {
                // A 投诉 about a service: the department answered the caller; what made the complaint is put right in the one loop.
                var (_, due) = await rectifications.OpenAsync(new Ratings.Contracts.RectificationRequest(Ratings.Contracts.RectificationSource.WorkOrder, o.Id.ToString(), o.RegionCode,
                    lead, $"12345 工单 {o.Number}（{HotlineCategories.PathOf(o.CategoryCode)}）", o.Content), ct);
                note += $"；服务投诉转整改，{due:yyyy-MM-dd} 前反馈";
            }

            return note;
        }, ct);
        return await TellCallersAsync(reviewed, ct);
    }

    /// <summary>延期: the lead department asks (while it handles the order); the centre grants — the due date moves by that many working days.</summary>
    public Task<Result<WorkOrderView>> ExtendAsync(Guid id, ExtendInput input, int? version, CancellationToken ct)
    {
        var granting = IsAgent || user.IsInRole(Roles.Supervisor);
        Task<Result<string>> Change(WorkOrder o, DateTimeOffset now) => ExtendChangeAsync(o, input, granting, ct);
        return granting
            ? ChangeAsync<WorkOrderExtended>(id, version, o => IsAgentFor(o) || user.IsInRole(Roles.Supervisor), Change, ct)
            : ChangeAsync<WorkOrderExtensionRequested>(id, version, o => IsDepartmentOf(o), Change, ct);
    }

    private async Task<Result<string>> ExtendChangeAsync(WorkOrder o, ExtendInput input, bool granting, CancellationToken ct)
    {
        var reason = input.Reason?.Trim() ?? "";
        var days = input.WorkingDays ?? o.ExtensionRequestedDays ?? 0;
        if (reason.Length < 4 || TextRules.TextProblem(reason) is not null)
        {
            return Error.Field("reason", "请写明延期理由（至少 4 个字）");
        }

        if (!granting)
        {
            var asked = o.RequestExtension(days, reason);
            return asked.IsSuccess ? $"申请延期 {days} 个工作日：{reason}" : asked.Error!;
        }

        var dueDay = DateOnly.FromDateTime(o.DueAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var moved = (await calendar.RulesAsync(ct)).AddWorkingDays(dueDay, days);
        var newDue = new DateTimeOffset((moved.IsSuccess ? moved.Value : dueDay.AddDays(days + (days / 5 * 2))).ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8)).ToUniversalTime();
        var done = o.Extend(days, newDue);
        return done.IsSuccess ? $"同意延期 {days} 个工作日，办理时限至 {newDue.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}：{reason}" : done.Error!;
    }

    /// <summary>督办: the centre or a supervisor sends the lead department a notice it must acknowledge.</summary>
    public Task<Result<WorkOrderView>> SuperviseAsync(Guid id, SuperviseInput input, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderSupervised>(id, version, o => IsAgentFor(o) || user.IsInRole(Roles.Supervisor), (o, now) =>
        {
            var notice = input.Notice?.Trim() ?? "";
            if (notice.Length < 4 || notice.Length > 500 || TextRules.TextProblem(notice, 500) is not null)
            {
                return Task.FromResult((Result<string>)Error.Field("notice", "请写明督办意见（4–500 字）"));
            }

            var done = o.Supervise(notice, now);
            return Task.FromResult(done.IsSuccess ? (Result<string>)$"督办（{o.LeadDepartment}）：{notice}" : done.Error!);
        }, ct);

    /// <summary>The lead department acknowledges the 督办 notice.</summary>
    public Task<Result<WorkOrderView>> AcknowledgeAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderSupervisionAcknowledged>(id, version, o => IsDepartmentOf(o), (o, now) =>
            Task.FromResult(o.AcknowledgeSupervision(now) is { IsSuccess: false } e ? (Result<string>)e.Error! : "签收督办通知"), ct);

    /// <summary>并单: the agent merges a repeated request into an earlier order; it follows that order's outcome.</summary>
    public Task<Result<WorkOrderView>> MergeAsync(Guid id, MergeInput input, int? version, CancellationToken ct) =>
        ChangeAsync<WorkOrderMerged>(id, version, IsAgentFor, async (o, now) =>
        {
            var parent = input.ParentId is { } p ? await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) : null;
            if (parent is null || !IsAgentFor(parent))
            {
                return Error.Field("parentId", "请选择本辖区内要合并到的主单");
            }

            var done = o.MergeInto(parent, now);
            return done.IsSuccess ? $"与工单 {parent.Number} 合并办理（重复诉求）" : done.Error!;
        }, ct);

    /// <summary>办结 by the centre without a department: a 表扬 recorded and passed on, a request that needs nothing more.</summary>
    public async Task<Result<WorkOrderView>> CloseAsync(Guid id, CloseInput? input, int? version, CancellationToken ct)
    {
        var closed = await ChangeAsync<WorkOrderClosed>(id, version, IsAgentFor, (o, now) =>
        {
            var reason = input?.Reason?.Trim() ?? "";
            if (reason.Length < 4 || reason.Length > ContentMaxLength || TextRules.TextProblem(reason, ContentMaxLength) is not null)
            {
                return Task.FromResult((Result<string>)Error.Field("reason", "请写明办结说明（至少 4 个字），如“表扬已转达窗口及所在单位”"));
            }

            var done = o.Close(reason, now);
            return Task.FromResult(done.IsSuccess ? (Result<string>)("办结：" + reason) : done.Error!);
        }, ct);
        return await TellCallersAsync(closed, ct);
    }

    /// <summary>
    /// Once a close is saved, the caller is told by SMS with the answer and a link to rate it, and so are the callers of the
    /// orders merged into it. (Agents, who close orders, see the numbers whole.)
    /// </summary>
    private async Task<Result<WorkOrderView>> TellCallersAsync(Result<WorkOrderView> result, CancellationToken ct)
    {
        if (result is not { IsSuccess: true, Value: { Status: WorkOrderStatus.Closed or WorkOrderStatus.Answered } order })
        {
            return result;
        }

        suggestions.Invalidate();
        var reply = order.Reply ?? "";
        var shortReply = reply.Length > 60 ? reply[..60] + "…" : reply;
        var site = http.HttpContext?.Request is { } request ? request.PublicBase() : "";
        var children = await db.Set<WorkOrder>().AsNoTracking().Where(c => c.ParentId == order.Id).ToListAsync(ct);
        foreach (var (id, number, phone, round) in children.Select(c => (c.Id, c.Number, c.CallerPhone, c.Reopens)).Prepend((order.Id, order.Number, order.Caller?.Phone ?? "", order.Reopens)))
        {
            if (Mobile.Check(phone).Valid)
            {
                await messages.SendAsync(phone, "12345 工单办结",
                    $"【12345】您反映的问题（工单 {number}）已办结。答复：{shortReply} 请评价：{site}/rate/workOrder/{id}?code={await ratingCodes.CodeAsync(id, round, ct)} 可凭工单编号和来电号码后 4 位查询详情。", ct);
            }
        }

        return result;
    }

    /// <summary>
    /// The one way a person changes an order: found and visible, entitled to this step, the version they saw (If-Match;
    /// stale → 409), the change, then <see cref="Record{TEvent}"/>, one save.
    /// </summary>
    private async Task<Result<WorkOrderView>> ChangeAsync<TEvent>(
        Guid id, int? version, Func<WorkOrder, bool> entitled, Func<WorkOrder, DateTimeOffset, Task<Result<string>>> change, CancellationToken ct)
        where TEvent : WorkOrderEvent, new()
    {
        var o = await db.Set<WorkOrder>().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null || !MaySee(o))
        {
            return NotFound;
        }

        if (!entitled(o))
        {
            return Error.Forbidden("work-order:forbidden", "这一步不由您办理");
        }

        if (version is { } v && v != o.Version)
        {
            return Error.StaleWrite;
        }

        var now = clock.Now();
        var note = await change(o, now);
        if (!note.IsSuccess)
        {
            return note.Error!;
        }

        Record<TEvent>(o, now, user.DisplayName ?? "", note.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleWrite;
        }

        return View(o);
    }

    /// <summary>What every step of an order leaves behind — people's, the deadline job's, a rating's — in the current unit of work.</summary>
    private void Record<TEvent>(WorkOrder o, DateTimeOffset now, string actor, string note)
        where TEvent : WorkOrderEvent, new() => WorkOrderRecording.Record<TEvent>(db, audit, o, now, actor, note);

    /// <summary>By number and the last four digits of the phone that called: status and steps, nothing personal; a wrong pair reads as unknown.</summary>
    public async Task<Result<TrackedWorkOrder>> TrackAsync(string? number, string? phoneLast4, CancellationToken ct)
    {
        var errors = new FieldErrors();
        number = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(number) || number.Length > 24)
        {
            errors.Add("number", "请输入工单编号（如 RX-20261205-0042）");
        }

        if (phoneLast4 is null || phoneLast4.Trim().Length != 4 || !phoneLast4.Trim().All(char.IsAsciiDigit))
        {
            errors.Add("phoneLast4", "请输入来电号码的后 4 位数字");
        }

        if (errors.Any)
        {
            return errors.ToError("work-order:track-invalid", "查询信息有误");
        }

        var o = await db.Set<WorkOrder>().AsNoTracking().Include(x => x.Steps).SingleOrDefaultAsync(x => x.Number == number, ct);
        if (o is null || !o.CallerPhone.EndsWith(phoneLast4!.Trim(), StringComparison.Ordinal))
        {
            return TrackNotFound;
        }

        // A merged order reads as its parent: same status, same answer.
        var outcome = o.ParentId is { } p ? await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == p, ct) ?? o : o;
        return new TrackedWorkOrder(o.Number, outcome.Status, WorkOrderLabels.Of(outcome.Status), WorkOrderLabels.Of(o.Type), HotlineCategories.PathOf(o.CategoryCode),
            o.ReceivedAt, outcome.DueAt, outcome.Status is WorkOrderStatus.Closed or WorkOrderStatus.Answered ? outcome.Reply : null,
            [.. o.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new TrackedOrderStep(s.At, WorkOrderLabels.PublicStep(s.Action)))]);
    }
}

/// <summary>What a step of an order leaves behind: its line on the timeline, its entry on the audit chain and its typed event, in the current unit of work.</summary>
internal static class WorkOrderRecording
{
    public static TEvent Event<TEvent>(WorkOrder o, string note)
        where TEvent : WorkOrderEvent, new() => new()
    {
        WorkOrderId = o.Id, Number = o.Number, Status = o.Status.ToString(), RegionCode = o.RegionCode, LeadDepartment = o.LeadDepartment, Note = note,
        ReceivedOn = DayOf(o.ReceivedAt), FinishedOn = o.Finished && o.ClosedAt is { } at ? DayOf(at) : null, FinishedOnTime = o.Finished && o.ClosedAt <= o.DueAt,
    };

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Timestamps.InChina(at).DateTime);

    /// <summary>The 办结 a step undoes (重办), as <see cref="WorkOrderEvent.UndoesFinishOn"/> carries it.</summary>
    public static (DateOnly? On, bool OnTime) FinishOf(WorkOrder o) => (o.Finished && o.ClosedAt is { } at ? DayOf(at) : null, o.Finished && o.ClosedAt <= o.DueAt);

    public static void Record<TEvent>(AppDbContext db, AuditTrail audit, WorkOrder o, DateTimeOffset now, string actor, string note)
        where TEvent : WorkOrderEvent, new() => Record(db, audit, o, now, actor, Event<TEvent>(o, note));

    public static void Record(AppDbContext db, AuditTrail audit, WorkOrder o, DateTimeOffset now, string actor, WorkOrderEvent e)
    {
        var note = e.Note;
        // The step's key is set here, so it is added to the unit of work explicitly (EF would take it for an existing row).
        db.Add(o.Step(now, e.AuditAction, actor, note));
        audit.Record(new AuditRecord(o.RegionCode, "WorkOrder", o.Id.ToString(), e.AuditAction,
            new { o.Number, status = o.Status.ToString(), o.LeadDepartment, deadline = o.DeadlineState.ToString(), o.Reopens }), e);
    }
}

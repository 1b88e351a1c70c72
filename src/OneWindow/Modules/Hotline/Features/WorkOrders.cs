using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Modules.Organisation.Contracts;
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
    List<Guid>? Attachments);

internal sealed record CallerView(string Name, string Phone, string? IdNumber);

internal sealed record LocationView(string Address, double? Lat, double? Lng);

internal sealed record StepView(DateTimeOffset At, string Action, string Actor, string Note);

/// <summary>An order as its viewer may see it: <see cref="Caller"/> is whole for hotline agents and the caller, masked for oversight, absent when confidential.</summary>
internal sealed record WorkOrderView(
    Guid Id, string Number, string Status, string StatusLabel, string Channel, string Type, string TypeLabel, string CategoryCode, string Category,
    CallerView? Caller, bool Confidential, string Content, LocationView Location, string Urgency, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
    bool DueProvisional, string? LeadDepartment, IReadOnlyList<string> AssistingDepartments, DateOnly? ReturnBy, int Returns, string? Reply,
    IReadOnlyList<StepView> Timeline, int Version);

internal sealed record WorkOrderCreated(Guid Id, string Number, string Status, DateTimeOffset DueAt);

internal sealed record DispatchInput(string? Lead, List<string>? Assisting);

internal sealed record ReasonInput(string? Reason);

internal sealed record ReplyInput(string? Reply, List<Guid>? Attachments);

internal sealed record ReviewInput(bool? Accept, string? Reason);

/// <summary>Public tracking: status and steps, no caller, no content, no officer.</summary>
internal sealed record TrackedWorkOrder(
    string Number, string Status, string StatusLabel, string TypeLabel, string Category, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string? Reply,
    IReadOnlyList<TrackedOrderStep> Steps);

internal sealed record TrackedOrderStep(DateTimeOffset At, string Step);

/// <summary>
/// 受理 of 12345 work orders (ADR 0022, slice 1): taken by a hotline agent from a call, or filed by a signed-in citizen on
/// the portal; numbered RX-yyyyMMdd-NNNN per day; due in five working days (24 hours when urgent); on the audit chain.
/// Who sees the caller is decided in one place, <see cref="View"/>.
/// </summary>
internal sealed partial class WorkOrders(
    AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, DivisionRegistry divisions, IDepartmentDirectory departments, IDirectMessages messages, ICurrentUser user,
    TimeProvider clock)
{
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
            // Said plainly rather than dropped: attachments arrive with the handling steps (ADR 0022, slice 2).
            errors.Add("attachments", "工单附件暂不能在受理时上传，请在诉求内容中说明");
        }

        if (errors.Any)
        {
            return errors.ToError("work-order:invalid", "工单信息有误");
        }

        var now = clock.Now();
        var (dueAt, provisional) = await DueAsync(now, urgency!.Value, ct);
        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(now), RegionCode = user.RegionCode is { Length: > 0 } region ? region : DemoCity.City, Channel = channel!.Value, Type = type!.Value,
            CategoryCode = category, CallerName = name, CallerPhone = phone, CallerIdNumber = idNumber, CallerUserId = IsAgent ? null : user.UserId,
            Confidential = input.Confidential == true, Content = content, Address = address, Latitude = input.Location?.Lat, Longitude = input.Location?.Lng,
            Urgency = urgency.Value, Status = WorkOrderStatus.Received, ReceivedAt = now, DueAt = dueAt, DueProvisional = provisional,
            ReceivedById = user.UserId!, ReceivedByName = user.DisplayName ?? "", IdempotencyKey = key,
        };
        order.Steps.Add(new WorkOrderStep
        {
            Id = Guid.CreateVersion7(now), WorkOrderId = order.Id, At = now, Action = "WorkOrderReceived", ActorName = order.ReceivedByName,
            Note = $"受理（{ChannelLabel(order.Channel)}）",
        });

        // The number counts the day's orders; two taken at once may count alike: the unique index refuses the second, which counts again.
        var today = clock.TodayInChina();
        for (var attempt = 0; ; attempt++)
        {
            var dayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            var count = await db.Set<WorkOrder>().CountAsync(o => o.ReceivedAt >= dayStart, ct);
            order.Number = $"RX-{today:yyyyMMdd}-{count + 1 + attempt:0000}";
            db.Add(order);
            audit.Record(new AuditRecord(order.RegionCode, "WorkOrder", order.Id.ToString(), "WorkOrderReceived",
                new { order.Number, channel = order.Channel.ToString(), type = order.Type.ToString(), order.CategoryCode, order.Confidential }));
            try
            {
                await db.SaveChangesAsync(ct);
                return Created(order);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                if (key is not null && await db.Set<WorkOrder>().AsNoTracking().SingleOrDefaultAsync(o => o.ReceivedById == user.UserId && o.IdempotencyKey == key, ct) is { } raced)
                {
                    return Created(raced);
                }
            }
        }
    }

    private static WorkOrderCreated Created(WorkOrder o) => new(o.Id, o.Number, o.Status.ToString(), o.DueAt);

    /// <summary>Five working days on the Platform calendar (end of that day, Beijing time), or 24 hours for an urgent order.</summary>
    private async Task<(DateTimeOffset At, bool Provisional)> DueAsync(DateTimeOffset now, WorkOrderUrgency urgency, CancellationToken ct)
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
        if (value is not null && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Trim().All(char.IsAsciiDigit))
        {
            return parsed;
        }

        errors.Add(field, message);
        return null;
    }

    public static string ChannelLabel(WorkOrderChannel channel) => channel switch
    {
        WorkOrderChannel.Phone => "电话",
        WorkOrderChannel.Web => "网站",
        WorkOrderChannel.Mobile => "移动端",
        WorkOrderChannel.Open311 => "Open311",
        WorkOrderChannel.UnresolvedWindow => "办不成事窗口",
        WorkOrderChannel.Rating => "评价转诉求",
        _ => channel.ToString(),
    };

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
        return order is not null && MaySee(order) ? View(order) : NotFound;
    }

    public async Task<Result<Page<WorkOrderView>>> ListAsync(string? status, int page, int pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        WorkOrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = Parse<WorkOrderStatus>(status, "status", "状态应为 received、dispatched、signed、replied 或 closed", errors);
        }

        if (page < 1 || pageSize is < 1 or > 100)
        {
            errors.Add("pageSize", "页码从 1 开始，每页 1 到 100 条");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        // Oversight sees every order; agents their region's; department staff those they lead; citizens their own.
        IQueryable<WorkOrder> orders = db.Set<WorkOrder>().AsNoTracking().Include(o => o.Steps);
        if (!IsOversight)
        {
            var prefix = Regions.Prefix(user.RegionCode);
            var department = user.IsStaff ? user.DepartmentCode : null;
            var me = user.UserId;
            orders = IsAgent ? orders.Where(o => o.RegionCode.StartsWith(prefix))
                : department is { Length: > 0 } ? orders.Where(o => o.LeadDepartment == department)
                : orders.Where(o => o.CallerUserId != null && o.CallerUserId == me);
        }

        if (wanted is { } s)
        {
            orders = orders.Where(o => o.Status == s);
        }

        var total = await orders.CountAsync(ct);
        var rows = await orders.OrderByDescending(o => o.ReceivedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<WorkOrderView>([.. rows.Select(View)], total, page, pageSize);
    }

    /// <summary>The one projection of an order: the caller whole for agents and the caller, masked for oversight, absent when confidential.</summary>
    private WorkOrderView View(WorkOrder o)
    {
        var own = o.CallerUserId is not null && o.CallerUserId == user.UserId;
        CallerView? caller = IsAgent || own
            ? new CallerView(o.CallerName, o.CallerPhone, own ? o.CallerIdNumber : Mask.IdentityCode(o.CallerIdNumber))
            : o.Confidential ? null : new CallerView(o.CallerName, Mask.Mobile(o.CallerPhone), Mask.IdentityCode(o.CallerIdNumber));
        return new WorkOrderView(o.Id, o.Number, o.Status.ToString(), HotlineCategories.Label(o.Status), o.Channel.ToString(), o.Type.ToString(),
            HotlineCategories.Label(o.Type), o.CategoryCode, HotlineCategories.PathOf(o.CategoryCode), caller, o.Confidential, o.Content,
            new LocationView(o.Address, o.Latitude, o.Longitude), o.Urgency.ToString(), o.ReceivedAt, o.DueAt, o.DueProvisional,
            o.LeadDepartment, o.AssistingDepartments, o.ReturnBy, o.Returns, o.Reply,
            [.. o.Steps.OrderBy(s => s.At).Select(s => new StepView(s.At, s.Action, IsAgent || IsOversight ? s.ActorName : "12345 热线", s.Note))], o.Version);
    }

    public Task<Result<WorkOrderView>> DispatchAsync(Guid id, DispatchInput input, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, o => IsAgentFor(o), async (o, now) =>
        {
            var errors = new FieldErrors();
            var lead = input.Lead?.Trim() ?? "";
            var found = lead.Length == 0 ? null : await departments.FindAsync(lead, ct);
            if (found is null || !Regions.Covers(o.RegionCode, found.RegionCode) && !Regions.Covers(found.RegionCode, o.RegionCode))
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

            var returnBy = (await calendar.RulesAsync(ct)).Deadline(clock.TodayInChina(), 2) is { IsSuccess: true } r ? r.Value.Date : clock.TodayInChina().AddDays(2);
            var done = o.Dispatch(lead, assisting, returnBy, now);
            return done.IsSuccess ? (Result<string>)$"派单：主办 {found!.Name}" + (assisting.Count > 0 ? $"，协办 {string.Join("、", assisting)}" : "") : done.Error!;
        }, "WorkOrderDispatched", ct);

    public Task<Result<WorkOrderView>> SignAsync(Guid id, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, o => IsDepartmentOf(o), (o, now) => Task.FromResult(o.Sign(now) is { IsSuccess: false } e ? (Result<string>)e.Error! : "签收"),
            "WorkOrderSigned", ct);

    public Task<Result<WorkOrderView>> ReturnAsync(Guid id, ReasonInput input, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, o => IsDepartmentOf(o), (o, _) =>
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
        }, "WorkOrderReturned", ct);

    public Task<Result<WorkOrderView>> ReplyAsync(Guid id, ReplyInput input, int? version, CancellationToken ct) =>
        ChangeAsync(id, version, o => IsDepartmentOf(o), (o, now) =>
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
        }, "WorkOrderReplied", ct);

    public async Task<Result<WorkOrderView>> ReviewAsync(Guid id, ReviewInput input, int? version, CancellationToken ct)
    {
        var reviewed = await ChangeAsync(id, version, o => IsAgentFor(o), (o, now) =>
        {
            var reason = input.Reason?.Trim() ?? "";
            if (input.Accept is null)
            {
                return Task.FromResult((Result<string>)Error.Field("accept", "请选择审核结论：通过（true）或退回重办（false）"));
            }

            if (input.Accept == false && (reason.Length < 4 || TextRules.TextProblem(reason) is not null))
            {
                return Task.FromResult((Result<string>)Error.Field("reason", "退回重办请写明理由（至少 4 个字）"));
            }

            var done = o.Review(input.Accept.Value, now);
            var note = input.Accept == true ? "审核通过，办结并告知来电人" : "退回重办：" + reason;
            return Task.FromResult(done.IsSuccess ? (Result<string>)note : done.Error!);
        }, "WorkOrderReviewed", ct);

        // The caller is told once the close is saved (agents, who review, see the caller's number whole).
        if (reviewed is { IsSuccess: true, Value: { Status: nameof(WorkOrderStatus.Closed), Caller.Phone: var phone } order } && Mobile.Check(phone).Valid)
        {
            var reply = order.Reply ?? "";
            await messages.SendAsync(phone, "12345 工单办结",
                $"【12345】您反映的问题（工单 {order.Number}）已办结。答复：{(reply.Length > 60 ? reply[..60] + "…" : reply)} 可凭工单编号和来电号码后 4 位查询详情。", ct);
        }

        return reviewed;
    }

    /// <summary>
    /// The one way an order changes: found and visible, the caller entitled to this step, the version the person saw
    /// (If-Match; stale → 409), the change, its step on the timeline and its entry on the audit chain, one save.
    /// </summary>
    private async Task<Result<WorkOrderView>> ChangeAsync(
        Guid id, int? version, Func<WorkOrder, bool> entitled, Func<WorkOrder, DateTimeOffset, Task<Result<string>>> change, string action, CancellationToken ct)
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

        db.Add(o.Step(now, action, user.DisplayName ?? "", note.Value!));
        audit.Record(new AuditRecord(o.RegionCode, "WorkOrder", o.Id.ToString(), action, new { o.Number, status = o.Status.ToString(), o.LeadDepartment }));
        await db.SaveChangesAsync(ct);
        return View(o);
    }

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

        return new TrackedWorkOrder(o.Number, o.Status.ToString(), HotlineCategories.Label(o.Status), HotlineCategories.Label(o.Type), HotlineCategories.PathOf(o.CategoryCode),
            o.ReceivedAt, o.DueAt, o.Status == WorkOrderStatus.Closed ? o.Reply : null,
            [.. o.Steps.OrderBy(s => s.At).Select(s => new TrackedOrderStep(s.At, StepLabel(s.Action)))]);
    }

    /// <summary>A step as the public may read it: what happened, not who or why.</summary>
    private static string StepLabel(string action) => action switch
    {
        "WorkOrderReceived" => "受理",
        "WorkOrderDispatched" => "派单",
        "WorkOrderSigned" => "部门签收",
        "WorkOrderReturned" => "退回热线中心重新派单",
        "WorkOrderReplied" => "部门回复",
        "WorkOrderReviewed" => "审核",
        _ => action,
    };
}

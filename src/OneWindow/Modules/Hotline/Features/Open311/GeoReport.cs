using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Contracts;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Hotline.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the 12345 queue (ADR 0022, decision 7). Services are
/// the leaf categories (<c>service_code</c> = the category code) with their form as attributes; a request filed here is a
/// work order like any other (channel Open311), its <c>service_request_id</c> the order number, its status <c>open</c>
/// or <c>closed</c> with the reply as <c>status_notes</c>. Only requests that came in through Open311 are listed here:
/// a phone call to 12345 is not published. Also the widely used extensions: <c>page</c>/<c>page_size</c> and
/// FixMyStreet's <c>servicerequestupdates</c>.
/// </summary>
internal sealed class GeoReport(AppDbContext db, WorkOrders orders, AuditTrail audit, IDepartmentDirectory departments, TimeProvider clock)
{
    public const string Jurisdiction = DemoCity.City;
    public const int MaxDays = 90;
    public const int DefaultPageSize = 100;

    private static readonly GeoList Formats = new("format", ["text/xml", "application/json"]);

    public static IResult Discovery(string format, string baseUrl) => GeoReportFormat.Write(format, "discovery", new GeoObject()
        .Add("changeset", "2026-12-06T00:00:00+08:00")
        .Add("contact", "滨州市 12345 政务服务便民热线办公室，电话 12345")
        .Add("key_service", "向 12345 热线办公室申请 api_key（系统管理员在 /admin/open311 签发）")
        .Add("endpoints", new GeoList("endpoint",
        [
            new GeoObject().Add("specification", "http://wiki.open311.org/GeoReport_v2").Add("url", $"{baseUrl}/open311/v2")
                .Add("changeset", "2026-12-06T00:00:00+08:00").Add("type", "production").Add("formats", Formats),
        ])));

    public static IResult Services(string format) => GeoReportFormat.Write(format, "services", new GeoList("service",
    [
        .. HotlineCategories.Leaves.Select(c => (object)new GeoObject()
            .Add("service_code", c.Code).Add("service_name", c.Name).Add("description", HotlineCategories.PathOf(c.Code))
            .Add("metadata", true).Add("type", "realtime").Add("keywords", HotlineCategories.PathOf(c.Code).Replace(" > ", ",", StringComparison.Ordinal))
            .Add("group", HotlineCategories.TopOf(c.Code))),
    ]));

    /// <summary>The common attribute every service has: what kind of request it is.</summary>
    private static readonly CategoryField RequestType = new("request_type", "诉求类型", false,
        [("complaint", "投诉"), ("help", "求助"), ("report", "举报"), ("suggestion", "建议"), ("consultation", "咨询"), ("praise", "表扬")]);

    private static IEnumerable<CategoryField> AttributesOf(string code) => HotlineCategories.FormOf(code).Append(RequestType);

    public static IResult Definition(string format, string code)
    {
        if (HotlineCategories.Find(code) is not { } c || !HotlineCategories.IsLeaf(code))
        {
            return GeoReportFormat.Errors(format, 404, $"service_code {code} not found：没有这项服务");
        }

        return GeoReportFormat.Write(format, "service_definition", new GeoObject().Add("service_code", c.Code).Add("attributes", new GeoList("attribute",
        [
            .. AttributesOf(code).Select((f, i) => (object)new GeoObject()
                .Add("variable", true).Add("code", f.Code).Add("datatype", f.IsChoice ? "singlevaluelist" : "string").Add("required", f.Required)
                .Add("datatype_description", f.IsChoice ? "从 values 中选择一个 key" : "文字，最多 100 字").Add("order", i + 1).Add("description", f.Label)
                .Add("values", new GeoList("value", [.. (f.Choices ?? []).Select(v => (object)new GeoObject().Add("key", v.Key).Add("name", v.Name))]))),
        ])));
    }

    /// <summary>A form or query field, trimmed; null when absent or blank.</summary>
    private static string? Value(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields, string name) =>
        fields.FirstOrDefault(f => f.Key == name).Value.ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private async Task<Open311Client?> ClientAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
        {
            return null;
        }

        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key.Trim()))).ToLowerInvariant();
        return await db.Set<Open311Client>().AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, ct);
    }

    /// <summary>POST requests: form-encoded; the key first (403), then the fields (400), the service (404).</summary>
    public async Task<IResult> CreateAsync(string format, IFormCollection form, CancellationToken ct)
    {
        string? F(string name) => Value(form, name);
        if (await ClientAsync(F("api_key"), ct) is not { } client)
        {
            return GeoReportFormat.Errors(format, 403, "api_key 无效或已停用：请向 12345 热线办公室申请");
        }

        if (F("jurisdiction_id") is { } j && j != Jurisdiction)
        {
            return GeoReportFormat.Errors(format, 404, $"jurisdiction_id {j} not found：本系统的 jurisdiction_id 为 {Jurisdiction}");
        }

        var code = F("service_code");
        if (code is null)
        {
            return GeoReportFormat.Errors(format, 400, "service_code 必填");
        }

        if (HotlineCategories.Find(code) is null || !HotlineCategories.IsLeaf(code))
        {
            return GeoReportFormat.Errors(format, 404, $"service_code {code} not found：没有这项服务");
        }

        var problems = new List<string>();
        double? lat = null, lng = null;
        if (F("lat") is { } latText || F("long") is not null)
        {
            if (!double.TryParse(F("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90
                || !double.TryParse(F("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
            {
                problems.Add("lat 和 long 须同时提供，分别为 -90–90 和 -180–180 的数");
            }
            else
            {
                (lat, lng) = (la, lo);
            }
        }

        var address = F("address_string") ?? F("address_id") ?? "";
        if (lat is null && address.Length == 0 && problems.Count == 0)
        {
            problems.Add("位置必填：lat 与 long、address_string 或 address_id 至少提供一项");
        }

        if (address.Length > 200 || TextRules.NameProblem(address, 200) is not null)
        {
            problems.Add("address_string 最多 200 字，且不含换行与控制字符");
        }

        var description = F("description") ?? "";
        if (description.Length is < 5 or > 1500 || TextRules.TextProblem(description, 1500) is not null)
        {
            problems.Add("description 必填，5–1500 字");
        }

        var phone = F("phone") ?? "";
        if (phone.Length > 0)
        {
            var mobile = Mobile.Check(phone);
            if (mobile.Valid)
            {
                phone = mobile.Normalized;
            }
            else
            {
                problems.Add("phone 应为 11 位手机号");
            }
        }

        var name = $"{F("last_name")}{F("first_name")}";
        if (name.Length > 50 || TextRules.NameProblem(name, 50) is not null)
        {
            problems.Add("first_name、last_name 合计最多 50 字");
        }

        var answers = new List<string>();
        var type = WorkOrderType.Complaint;
        foreach (var field in AttributesOf(code))
        {
            var value = F($"attribute[{field.Code}]");
            if (value is null)
            {
                if (field.Required)
                {
                    problems.Add($"attribute[{field.Code}]（{field.Label}）必填");
                }

                continue;
            }

            if (field.IsChoice && field.Choices!.All(c => c.Key != value))
            {
                problems.Add($"attribute[{field.Code}] 应为 {string.Join("、", field.Choices!.Select(c => c.Key))} 之一");
            }
            else if (value.Length > 100 || TextRules.NameProblem(value, 100) is not null)
            {
                problems.Add($"attribute[{field.Code}] 最多 100 字");
            }
            else if (field == RequestType)
            {
                type = Enum.Parse<WorkOrderType>(value, ignoreCase: true);
            }
            else
            {
                answers.Add($"【{field.Label}】{(field.IsChoice ? field.Choices!.First(c => c.Key == value).Name : value)}");
            }
        }

        var media = F("media_url");
        if (media is not null && (!Uri.TryCreate(media, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || media.Length > 500))
        {
            problems.Add("media_url 应为 http 或 https 网址");
        }

        if (problems.Count > 0)
        {
            return GeoReportFormat.Errors(format, 400, [.. problems]);
        }

        var now = clock.Now();
        var (due, provisional) = await orders.DueAsync(now, WorkOrderUrgency.Normal, ct);
        var content = string.Join("\n", new[] { description }.Concat(answers).Concat(media is null ? [] : [$"【图片】{media}"]));
        var order = new WorkOrder
        {
            Id = Guid.CreateVersion7(now), RegionCode = orders.CountyIn(client.RegionCode, address), Channel = WorkOrderChannel.Open311, Type = type, CategoryCode = code,
            CallerName = name.Length > 0 ? name : "Open311 用户", CallerPhone = phone, Content = content.Length > WorkOrders.ContentMaxLength ? content[..WorkOrders.ContentMaxLength] : content,
            Address = address, Latitude = lat, Longitude = lng, Urgency = WorkOrderUrgency.Normal, Status = WorkOrderStatus.Received, ReceivedAt = now, DueAt = due,
            DueProvisional = provisional, ReceivedById = client.Actor, ReceivedByName = client.Name,
        };
        var created = await orders.ReceiveAsync(order, ct);
        if (!created.IsSuccess)
        {
            return GeoReportFormat.Errors(format, 400, created.Error!.Title);
        }

        return GeoReportFormat.Write(format, "service_requests", new GeoList("request",
        [
            new GeoObject().Add("service_request_id", created.Value!.Number).Add("token", created.Value.Id.ToString("N"))
                .Add("service_notice", $"12345 已受理，工单编号 {created.Value.Number}，{GeoReportFormat.Time(due):yyyy-MM-dd} 前答复").Add("account_id", null),
        ]), 201);
    }

    /// <summary>GET requests: by id (a comma list, other filters ignored), or by service, status and a range of at most 90 days (default: the last 90), paged.</summary>
    public async Task<IResult> ListAsync(string format, IQueryCollection query, CancellationToken ct)
    {
        string? Q(string name) => Value(query, name);
        var found = Open311Orders();
        if (Q("service_request_id") is { } ids)
        {
            var numbers = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToUpperInvariant()).Take(100).ToList();
            return await WriteRequestsAsync(format, await found.Where(o => numbers.Contains(o.Number)).Include(o => o.Steps).ToListAsync(ct), ct);
        }

        var problems = new List<string>();
        var (start, end) = Range(query, TimeSpan.FromDays(MaxDays), problems);
        var statuses = (Q("status") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList();
        if (statuses.Any(s => s is not ("open" or "closed")))
        {
            problems.Add("status 应为 open 或 closed（可用逗号分隔）");
        }

        var page = Q("page") is { } p ? (int.TryParse(p, CultureInfo.InvariantCulture, out var pn) && pn >= 1 ? pn : -1) : 1;
        var size = Q("page_size") is { } ps ? (int.TryParse(ps, CultureInfo.InvariantCulture, out var sn) && sn is >= 1 and <= 1000 ? sn : -1) : DefaultPageSize;
        if (page < 1 || size < 1)
        {
            problems.Add("page 从 1 开始，page_size 为 1–1000");
        }

        if (problems.Count > 0)
        {
            return GeoReportFormat.Errors(format, 400, [.. problems]);
        }

        var (since, until) = (start.ToUniversalTime(), end.ToUniversalTime());
        found = found.Where(o => o.ReceivedAt >= since && o.ReceivedAt <= until);
        if (Q("service_code") is { } codes)
        {
            var wanted = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            found = found.Where(o => wanted.Contains(o.CategoryCode));
        }

        if (statuses.Distinct().Count() == 1)
        {
            found = statuses[0] == "closed" ? found.Where(o => Closed.Contains(o.Status)) : found.Where(o => !Closed.Contains(o.Status));
        }

        var rows = await found.OrderByDescending(o => o.ReceivedAt).Skip((page - 1) * size).Take(size).Include(o => o.Steps).ToListAsync(ct);
        return await WriteRequestsAsync(format, rows, ct);
    }

    /// <summary><c>start_date</c>/<c>end_date</c> (W3C times): end defaults to now, start to <paramref name="span"/> before it; at most <see cref="MaxDays"/> apart.</summary>
    private (DateTimeOffset Start, DateTimeOffset End) Range(IQueryCollection query, TimeSpan span, List<string> problems)
    {
        DateTimeOffset? Date(string name)
        {
            if (Value(query, name) is not { } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }

            problems.Add($"{name} 应为 W3C 格式的时间，如 2026-12-01T00:00:00+08:00");
            return null;
        }

        var end = Date("end_date") ?? clock.Now();
        var start = Date("start_date") ?? end - span;
        if (end < start || end - start > TimeSpan.FromDays(MaxDays))
        {
            problems.Add($"start_date 与 end_date 之间最多 {MaxDays} 天，且 start_date 不晚于 end_date");
        }

        return (start, end);
    }

    private static readonly WorkOrderStatus[] Closed = [WorkOrderStatus.Closed, WorkOrderStatus.Answered, WorkOrderStatus.Merged];

    private IQueryable<WorkOrder> Open311Orders() =>
        db.Set<WorkOrder>().AsNoTracking().Where(o => o.Channel == WorkOrderChannel.Open311 && !o.Confidential);

    public async Task<IResult> OneAsync(string format, string id, CancellationToken ct)
    {
        var number = id.Trim().ToUpperInvariant();
        var order = await Open311Orders().Include(o => o.Steps).SingleOrDefaultAsync(o => o.Number == number, ct);
        return order is null ? GeoReportFormat.Errors(format, 404, $"service_request_id {id} not found：没有这条诉求") : await WriteRequestsAsync(format, [order], ct);
    }

    public async Task<IResult> TokenAsync(string format, string token, CancellationToken ct)
    {
        var order = Guid.TryParseExact(token, "N", out var id) ? await Open311Orders().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        return order is null
            ? GeoReportFormat.Errors(format, 404, $"token {token} not found")
            : GeoReportFormat.Write(format, "service_requests", new GeoList("request", [new GeoObject().Add("service_request_id", order.Number).Add("token", token)]));
    }

    private async Task<IResult> WriteRequestsAsync(string format, IReadOnlyList<WorkOrder> rows, CancellationToken ct)
    {
        // A merged request reads as the order it was merged into.
        var parentIds = rows.Where(o => o.ParentId is not null).Select(o => o.ParentId!.Value).ToList();
        var parents = parentIds.Count == 0 ? [] : await db.Set<WorkOrder>().AsNoTracking().Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var names = await departments.NamesAsync(rows.Select(o => o.LeadDepartment).OfType<string>().Concat(parents.Values.Select(o => o.LeadDepartment).OfType<string>()), ct);
        return GeoReportFormat.Write(format, "service_requests", new GeoList("request", [.. rows.Select(o =>
        {
            var outcome = o.ParentId is { } p && parents.TryGetValue(p, out var parent) ? parent : o;
            var closed = Closed.Contains(outcome.Status) && outcome.Status != WorkOrderStatus.Merged;
            var updated = o.Steps.Count > 0 ? o.Steps.Max(s => s.At) : o.ReceivedAt;
            return (object)new GeoObject()
                .Add("service_request_id", o.Number).Add("status", closed ? "closed" : "open").Add("status_notes", closed ? outcome.Reply : WorkOrderLabels.Of(outcome.Status))
                .Add("service_name", HotlineCategories.Find(o.CategoryCode)?.Name).Add("service_code", o.CategoryCode).Add("description", o.Content)
                .Add("agency_responsible", outcome.LeadDepartment is { } d ? names.GetValueOrDefault(d, d) : "12345 热线办公室")
                .Add("service_notice", $"工单编号 {o.Number}").Add("requested_datetime", o.ReceivedAt).Add("updated_datetime", updated).Add("expected_datetime", outcome.DueAt)
                .Add("address", o.Address).Add("address_id", null).Add("zipcode", null).Add("lat", o.Latitude).Add("long", o.Longitude).Add("media_url", null);
        })]));
    }

    /// <summary>FixMyStreet's GET servicerequestupdates: each public step of the Open311 requests in the range (at most 90 days), with the status it left.</summary>
    public async Task<IResult> UpdatesAsync(string format, IQueryCollection query, CancellationToken ct)
    {
        var problems = new List<string>();
        var (start, end) = Range(query, TimeSpan.FromDays(1), problems);
        if (problems.Count > 0)
        {
            return GeoReportFormat.Errors(format, 400, [.. problems]);
        }

        var (since, until) = (start.ToUniversalTime(), end.ToUniversalTime());
        var steps = await (from step in db.Set<WorkOrderStep>().AsNoTracking()
                           join o in Open311Orders() on step.WorkOrderId equals o.Id
                           where step.At >= since && step.At <= until && Public.Contains(step.Action)
                           orderby step.At
                           select new { step.Id, o.Number, step.At, step.Action, step.Note, o.Reply }).Take(1000).ToListAsync(ct);
        return GeoReportFormat.Write(format, "service_request_updates", new GeoList("request_update", [.. steps.Select(u => (object)new GeoObject()
            .Add("update_id", u.Id.ToString("N")).Add("service_request_id", u.Number).Add("status", ClosesIt(u.Action, u.Note) ? "CLOSED" : "OPEN")
            .Add("updated_datetime", u.At).Add("description", ClosesIt(u.Action, u.Note) ? u.Reply ?? WorkOrderLabels.PublicStep(u.Action) : WorkOrderLabels.PublicStep(u.Action))
            .Add("media_url", null))]));
    }

    /// <summary>The steps a client hears of (not the internal 预警, 督办 or extension requests).</summary>
    private static readonly string[] Public =
    [
        "WorkOrderReceived", "WorkOrderAnswered", "WorkOrderDispatched", "WorkOrderSigned", "WorkOrderReviewed", "WorkOrderExtended", "WorkOrderMerged", "WorkOrderClosed",
        "WorkOrderReopened", "WorkOrderSupplemented",
    ];

    private static bool ClosesIt(string action, string note) =>
        action is "WorkOrderAnswered" or "WorkOrderClosed" || (action == "WorkOrderReviewed" && note.StartsWith("审核通过", StringComparison.Ordinal));

    /// <summary>FixMyStreet's POST servicerequestupdates: the client that filed a request adds to it (the caller's further words); the centre sees it on the timeline.</summary>
    public async Task<IResult> AddUpdateAsync(string format, IFormCollection form, CancellationToken ct)
    {
        string? F(string name) => Value(form, name);
        if (await ClientAsync(F("api_key"), ct) is not { } client)
        {
            return GeoReportFormat.Errors(format, 403, "api_key 无效或已停用：请向 12345 热线办公室申请");
        }

        var number = F("service_request_id")?.ToUpperInvariant();
        var description = F("description") ?? "";
        if (number is null || description.Length is < 2 or > 1000 || TextRules.TextProblem(description, 1000) is not null)
        {
            return GeoReportFormat.Errors(format, 400, "service_request_id 必填；description 必填，2–1000 字");
        }

        var order = await db.Set<WorkOrder>().SingleOrDefaultAsync(o => o.Number == number && o.ReceivedById == client.Actor, ct);
        if (order is null)
        {
            return GeoReportFormat.Errors(format, 404, $"service_request_id {number} not found：只能补充本客户端提交的诉求");
        }

        var now = clock.Now();
        WorkOrderRecording.Record<WorkOrderSupplemented>(db, audit, order, now, client.Name, "补充说明：" + description);
        await db.SaveChangesAsync(ct);
        var step = order.Steps[^1];
        return GeoReportFormat.Write(format, "service_request_updates", new GeoList("request_update", [new GeoObject().Add("update_id", step.Id.ToString("N"))]), 201);
    }
}

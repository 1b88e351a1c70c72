using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Platform;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Printing;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Queue.Features;

/// <summary>The service hall's HTTP API (../shared/API.md, "Service hall").</summary>
internal static class QueueEndpoints
{
    public static void Map(WebApplication app)
    {
        var halls = app.MapGroup("/api/v1/halls").WithTags("服务大厅");
        halls.MapGet("/", async (string? region, Halls h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(region, ct))).WithSummary("服务大厅");
        halls.MapGet("/{hallId:guid}", async Task<Results<Ok<HallView>, ProblemHttpResult>> (Guid hallId, Halls h, CancellationToken ct) =>
            await h.FindAsync(hallId, ct) is { } v ? TypedResults.Ok(v) : HallWork.HallNotFound.ToProblem()).WithSummary("一个大厅及其业务分区");
        halls.MapPost("/", async Task<Results<Created<HallView>, ProblemHttpResult>> (HallInput input, Halls h, CancellationToken ct) =>
                await h.CreateAsync(input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/halls/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .RequireAuthorization(Policies.Admin).WithSummary("新建服务大厅（管理员）");
        halls.MapPut("/{hallId:guid}/notice", async Task<Results<Ok<HallView>, ProblemHttpResult>> (Guid hallId, HallNoticeInput input, Halls h, CancellationToken ct) =>
                await h.SetNoticeAsync(hallId, input, ct) is var r && r.IsSuccess ? TypedResults.Ok(r.Value!) : r.Error!.ToProblem())
            .RequireAuthorization(Policies.Admin).WithSummary("设置大厅叫号屏的温馨提示（管理员；空文本为清除）");
        halls.MapGet("/{hallId:guid}/counters", async (Guid hallId, Halls h, CancellationToken ct) => TypedResults.Ok(await h.CountersAsync(hallId, ct))).WithSummary("大厅的窗口");
        halls.MapPost("/{hallId:guid}/counters", async Task<Results<Created<CounterView>, ProblemHttpResult>> (Guid hallId, CounterInput input, Halls h, CancellationToken ct) =>
                await h.AddCounterAsync(hallId, input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/counters/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .RequireAuthorization(Policies.Admin).WithSummary("新增窗口（管理员）");
        halls.MapPost("/{hallId:guid}/tickets", async Task<Results<Created<TicketView>, ProblemHttpResult>> (Guid hallId, TakeTicket input, HallQueue q, CancellationToken ct) =>
                await q.TakeAsync(hallId, input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/tickets/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .WithSummary("取号（导服台、自助机、手机，或预约签到）：返回号码、排队位置和预计等候时间")
            .RequireRateLimiting(Throttles.Ticket);
        halls.MapGet("/{hallId:guid}/display", async Task<Results<Ok<DisplayView>, ProblemHttpResult>> (
                Guid hallId, long? after, int? wait, HallDisplay display, HallDisplayFeed feed, Halls h, CancellationToken ct) =>
            {
                if (after is not null && await h.FindAsync(hallId, ct) is null)
                {
                    return HallWork.HallNotFound.ToProblem();
                }

                // Long poll (the display's fallback without WebSockets): answered once something changed, with the feed's view of it.
                if (after is { } known && wait is > 0 && await feed.WaitForChangeAsync(hallId, known, TimeSpan.FromSeconds(Math.Min(wait.Value, 30)), ct) is { } changed)
                {
                    return TypedResults.Ok(changed);
                }

                return await display.ViewAsync(hallId, ct) is { } v ? TypedResults.Ok(v) : HallWork.HallNotFound.ToProblem();
            })
            .WithSummary("叫号显示：当前叫号、最近叫号、各分区等候人数（after=stamp&wait=秒 为长轮询）");
        halls.MapGet("/{hallId:guid}/metrics", async Task<Results<Ok<HallMetricsView>, ProblemHttpResult>> (Guid hallId, DateOnly? from, DateOnly? to, HallMetrics m, CancellationToken ct) =>
                (await m.ComputeAsync(hallId, from, to, ct)).ToOkOrProblem())
            .RequireAuthorization(Policies.Staff).WithSummary("大厅运行指标：平均/P90 等候、平均办理时长、窗口利用率、每小时取号与办结、过号率");
        halls.MapGet("/{hallId:guid}/tickets.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid hallId, DateOnly? from, DateOnly? to, HallMetrics m, CancellationToken ct) =>
                await m.TicketsCsvAsync(hallId, from, to, ct) is var r && r.IsSuccess ? TypedResults.File(r.Value!, CsvText.ContentType, "排队办理记录.csv") : r.Error!.ToProblem())
            .RequireAuthorization(Policies.Staff).WithSummary("排队办理记录（CSV，手机号脱敏）");
        halls.MapGet("/{hallId:guid}/slots", async Task<Results<Ok<SlotView[]>, ProblemHttpResult>> (
                Guid hallId, string? group, DateOnly? day, Appointments a, CancellationToken ct) => (await a.SlotsAsync(hallId, group, day, ct)).ToOkOrProblem())
            .WithSummary("预约时段与余量");
        halls.MapPost("/{hallId:guid}/appointments", async Task<Results<Created<AppointmentView>, ProblemHttpResult>> (
                Guid hallId, BookAppointment input, Appointments a, CancellationToken ct) =>
                await a.BookAsync(hallId, input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/appointments/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .RequireAuthorization().WithSummary("网上预约一个时段（返回签到码）");

        app.MapGet("/api/v1/appointments", async (Appointments a, CancellationToken ct) => TypedResults.Ok(await a.MineAsync(ct)))
            .RequireAuthorization().WithTags("服务大厅").WithSummary("我的预约");
        app.MapPost("/api/v1/appointments/{id:guid}/cancel", async Task<Results<Ok<AppointmentView>, ProblemHttpResult>> (Guid id, Appointments a, CancellationToken ct) =>
            (await a.CancelAsync(id, ct)).ToOkOrProblem()).RequireAuthorization().WithTags("服务大厅").WithSummary("取消预约");

        var counters = app.MapGroup("/api/v1/counters").WithTags("服务大厅").RequireAuthorization(Policies.Staff);
        counters.MapGet("/{counterId:guid}", async Task<Results<Ok<CounterView>, ProblemHttpResult>> (Guid counterId, Halls h, CancellationToken ct) =>
            await h.CounterAsync(counterId, ct) is { } c ? TypedResults.Ok(c) : Error.NotFound("counter:not-found", "窗口不存在").ToProblem())
            .WithSummary("一个窗口：编号、类型、分组与当前坐席");
        counters.MapPost("/{counterId:guid}/sign-in", async Task<Results<Ok<CounterView>, ProblemHttpResult>> (Guid counterId, Halls h, CancellationToken ct) =>
            (await h.SignInAsync(counterId, ct)).ToOkOrProblem()).RequireAuthorization(Policies.CounterStaff).WithSummary("窗口签到（本大厅的综合窗口、导服人员）");
        counters.MapPost("/{counterId:guid}/sign-out", async Task<Results<Ok<CounterView>, ProblemHttpResult>> (Guid counterId, Halls h, CancellationToken ct) =>
            (await h.SignOutAsync(counterId, ct)).ToOkOrProblem()).RequireAuthorization(Policies.HallDuty).WithSummary("窗口签退（签到人；导服或管理员可签退无人值守的窗口）");
        counters.MapPost("/{counterId:guid}/break", async Task<Results<Ok<CounterView>, ProblemHttpResult>> (Guid counterId, Halls h, CancellationToken ct) =>
            (await h.BreakAsync(counterId, ct)).ToOkOrProblem()).RequireAuthorization(Policies.CounterStaff).WithSummary("暂停服务");
        counters.MapPost("/{counterId:guid}/resume", async Task<Results<Ok<CounterView>, ProblemHttpResult>> (Guid counterId, Halls h, CancellationToken ct) =>
            (await h.ResumeAsync(counterId, ct)).ToOkOrProblem()).RequireAuthorization(Policies.CounterStaff).WithSummary("恢复服务");
        counters.MapPost("/{counterId:guid}/call-next", async Task<Results<Ok<CallNextResponse>, NoContent, ProblemHttpResult>> (Guid counterId, HallQueue q, CancellationToken ct) =>
            await q.CallNextAsync(counterId, ct) is var r && !r.IsSuccess ? r.Error!.ToProblem() : r.Value is { } t ? TypedResults.Ok(new CallNextResponse(t)) : TypedResults.NoContent())
            .RequireAuthorization(Policies.CounterStaff).WithSummary("叫下一位：200 带号；无人等候时 204");

        var tickets = app.MapGroup("/api/v1/tickets").WithTags("服务大厅");
        tickets.MapGet("/{ticketId:guid}", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid ticketId, [FromQuery] string? code, HallQueue q, CancellationToken ct) =>
            (await q.FindAsync(ticketId, code, ct)).ToOkOrProblem()).WithSummary("排队号：状态、前面人数、预计等候（code 为取号时返回的 accessCode）")
            .RequireRateLimiting(Throttles.Track);
        var actions = tickets.MapGroup("/{ticketId:guid}").RequireAuthorization(Policies.CounterStaff);
        actions.MapPost("/recall", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid ticketId, HallQueue q, CancellationToken ct) =>
            (await q.RecallAsync(ticketId, ct)).ToOkOrProblem()).WithSummary("重呼（超过次数则过号）");
        actions.MapPost("/no-show", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid ticketId, HallQueue q, CancellationToken ct) =>
            (await q.NoShowAsync(ticketId, ct)).ToOkOrProblem()).WithSummary("过号");
        actions.MapPost("/transfer", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid ticketId, TransferTicket input, HallQueue q, CancellationToken ct) =>
            (await q.TransferAsync(ticketId, input, ct)).ToOkOrProblem()).WithSummary("转移到其他分区或窗口");
        actions.MapPost("/start", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid ticketId, HallQueue q, CancellationToken ct) =>
            (await q.StartAsync(ticketId, ct)).ToOkOrProblem()).WithSummary("开始办理");
        actions.MapPost("/finish", async Task<Results<Ok<TicketView>, ProblemHttpResult>> (Guid ticketId, FinishTicket? input, HallQueue q, CancellationToken ct) =>
            (await q.FinishAsync(ticketId, input ?? new FinishTicket(), ct)).ToOkOrProblem()).WithSummary("办结（可关联本次受理的办件）");

        halls.MapGet("/{hallId:guid}/qr.png", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid hallId, HttpRequest http, Halls h, CancellationToken ct) =>
                await h.FindAsync(hallId, ct) is null
                    ? HallWork.HallNotFound.ToProblem()
                    : TypedResults.File(QrImages.LinkPng($"{http.PublicBase()}/halls/{hallId}/ticket"), "image/png"))
            .WithSummary("大厅门口的手机取号二维码");

        app.MapHub<HallDisplayHub>(HallDisplayHub.Path);
    }
}

internal sealed record CallNextResponse(TicketView Ticket);

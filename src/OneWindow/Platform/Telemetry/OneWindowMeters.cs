using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OneWindow.Platform.Telemetry;

/// <summary>
/// The platform's own meters (meter <c>OneWindow</c>, exported with the standard ones: ADR 0027). Modules record into them
/// from their typed events; the gauges read <see cref="Lags"/>. Prometheus names: <c>onewindow_cases_submitted_total</c>,
/// <c>onewindow_cases_decided_total</c>, <c>onewindow_cases_completed_total{on_time}</c> (the on-time share is
/// completed{on_time="true"} / completed), <c>onewindow_queue_wait_minutes</c>, <c>onewindow_hotline_orders_total</c>,
/// <c>onewindow_outbox_lag_seconds</c>, <c>onewindow_audit_sequencer_lag_seconds</c>.
/// </summary>
public sealed class OneWindowMeters
{
    public const string Name = "OneWindow";

    /// <summary>The platform's own spans (advisory locks, background passes) next to the instrumented HTTP and database ones.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _decided;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _hotlineOrders;

    public OneWindowMeters(IMeterFactory factory, Lags lags)
    {
        var meter = factory.Create(Name);
        _submitted = meter.CreateCounter<long>("onewindow.cases.submitted", "{case}", "办件申请数（按事项类别、渠道）");
        _decided = meter.CreateCounter<long>("onewindow.cases.decided", "{case}", "办件决定数（准予、不予许可、不予受理）");
        _completed = meter.CreateCounter<long>("onewindow.cases.completed", "{case}", "办结数（on_time：是否在承诺时限内）");
        _queueWait = meter.CreateHistogram<double>("onewindow.queue.wait", "min", "取号到叫号的等候时间",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120] });
        _hotlineOrders = meter.CreateCounter<long>("onewindow.hotline.orders", "{order}", "12345 工单登记数（按区划）");
        meter.CreateObservableGauge("onewindow.outbox.lag", () => lags.OutboxSeconds, "s", "最早一条未投递事件的等待时间");
        meter.CreateObservableGauge("onewindow.audit.sequencer.lag", () => lags.AuditSeconds, "s", "最早一条未上链审计记录的等待时间");
    }

    /// <summary>The kind of an item from its code: the catalogue's prefix (XK 行政许可, QR 行政确认, GG 公共服务…).</summary>
    public static string ItemKind(string itemCode) => itemCode.Split('-', 2)[0] is { Length: > 0 } kind ? kind : "unknown";

    public void CaseSubmitted(string itemCode, string channel) =>
        _submitted.Add(1, new("item_kind", ItemKind(itemCode)), new("channel", channel));

    public void CaseDecided(string itemCode, string outcome) =>
        _decided.Add(1, new("item_kind", ItemKind(itemCode)), new("outcome", outcome));

    public void CaseCompleted(string itemCode, bool onTime) =>
        _completed.Add(1, new("item_kind", ItemKind(itemCode)), new("on_time", onTime ? "true" : "false"));

    public void TicketCalled(double waitMinutes) => _queueWait.Record(waitMinutes);

    public void HotlineOrderReceived(string regionCode) => _hotlineOrders.Add(1, new KeyValuePair<string, object?>("region", regionCode));
}

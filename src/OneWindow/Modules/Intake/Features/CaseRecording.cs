using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Audit;

namespace OneWindow.Modules.Intake.Features;

/// <summary>What a case's step leaves behind: its entry in the case's audit trail and the fact other modules hear.</summary>
internal static class CaseRecording
{
    /// <summary>The fact <typeparamref name="TEvent"/> about the case as it stands now.</summary>
    public static TEvent Event<TEvent>(Case c)
        where TEvent : CaseEvent, new() => new()
    {
        CaseId = c.Id, Number = c.Number, ItemName = c.ItemName, Status = c.Status.ToString(), ApplicantUserId = c.ApplicantUserId,
        ApplicantMobile = c.ApplicantMobile, RegionCode = c.RegionCode, DepartmentCode = c.DepartmentCode, Outcome = c.Outcome,
        BundleApplicationId = c.BundleApplicationId, Channel = c.Channel.ToString(), PickupId = c.PickupId, Delivery = c.Delivery?.ToString(), PostTo = c.PostTo,
        ItemCode = c.ItemCode, AcceptedOn = c.AcceptedOn, DueDate = c.DueDate, CompletedOn = c.CompletedOn, OneWindow = c.AcceptedAtOneWindow,
        Instant = c.Instant, HadCorrection = c.HadCorrection, WorkingDays = c.WorkingDaysTaken,
    };

    /// <summary>The audit entry of the step that produced <paramref name="e"/> (its data: the state it left, unless the step says more).</summary>
    public static AuditRecord Audit(Case c, CaseEvent e, object? data = null) =>
        new(c.RegionCode, "Case", c.Id.ToString(), e.AuditAction, data ?? (e is CaseWithdrawn
            ? new { status = c.Status.ToString(), c.Outcome, reason = c.WithdrawReason }
            : new { status = c.Status.ToString(), c.DueDate, c.Outcome, deadline = c.DeadlineState.ToString() }));

    /// <summary>Records the step <typeparamref name="TEvent"/> in the current unit of work (officers' actions, the deadline job, bundle steps alike).</summary>
    public static void Record<TEvent>(AuditTrail audit, Case c)
        where TEvent : CaseEvent, new() => Record(audit, c, Event<TEvent>(c));

    public static void Record(AuditTrail audit, Case c, CaseEvent e) => audit.Record(Audit(c, e), e);
}

/// <summary>The same for a 一件事 application as a whole.</summary>
internal static class BundleRecording
{
    public static TEvent Event<TEvent>(BundleApplication a, string? detail = null)
        where TEvent : BundleEvent, new() => new()
    {
        BundleApplicationId = a.Id, Number = a.Number, BundleName = a.BundleName, ApplicantUserId = a.ApplicantUserId,
        ApplicantMobile = a.ApplicantMobile, RegionCode = a.RegionCode, Detail = detail, HelperUserId = a.HelperUserId,
    };

    /// <summary>The bundle's audit entry  and its event, together.</summary>
    public static void Record(AuditTrail audit, BundleApplication a, BundleEvent e, object? data) =>
        audit.Record(Audit(a, e, data), e);

    public static AuditRecord Audit(BundleApplication a, BundleEvent e, object? data) =>
        new(a.RegionCode, "BundleApplication", a.Id.ToString(), e.AuditAction, data ?? new { });
}

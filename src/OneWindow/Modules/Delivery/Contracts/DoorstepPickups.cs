namespace OneWindow.Modules.Delivery.Contracts;

/// <summary>A 上门办 pickup as the 政邮商 window's intake reads it: what was collected, for whom, and whether it has reached the window.</summary>
public sealed record PickupFacts(Guid Id, string Number, string ItemCode, string ApplicantName, string ApplicantMobile, string RegionCode, bool AtWindow, Guid? CaseId);

/// <summary>What Intake asks of the doorstep service when a clerk takes a case from a pickup's materials (channel 政邮商).</summary>
public interface IDoorstepPickups
{
    Task<PickupFacts?> FindAsync(Guid id, CancellationToken ct);
}

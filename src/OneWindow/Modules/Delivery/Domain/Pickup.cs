using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Delivery.Domain;

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum PickupStatus
{
    /// <summary>已预约: waiting for an agent.</summary>
    Booked,

    /// <summary>已派单: an agent will come.</summary>
    Assigned,

    /// <summary>已上门收件: first check done at the door.</summary>
    Collected,

    /// <summary>已交窗口: the materials are at the 政邮商 window.</summary>
    AtWindow,

    /// <summary>已受理: a clerk took the case from them.</summary>
    Accepted,

    /// <summary>已取消.</summary>
    Cancelled,
}

/// <summary>What the agent found at the door, per material of the 一次性告知 list.</summary>
internal sealed record DoorCheck(string MaterialCode, string MaterialName, bool Present, string? Note);

/// <summary>
/// 上门办 (政邮商: 企业点单、邮政跑单、商会做单、政府买单): a citizen or enterprise books an agent by phone or on the portal; the
/// agent gets the item's 一次性告知 list, checks the materials at the door, carries them to the 政邮商 window, where a clerk takes
/// the case (channel 政邮商) and the pickup is linked to it.
/// </summary>
internal sealed class Pickup : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>SM + day + sequence.</summary>
    public string Number { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    public string ApplicantMobile { get; set; } = "";

    /// <summary>The account that booked it on the portal (null when booked by phone through staff).</summary>
    public string? BookedByUserId { get; set; }

    /// <summary>portal or phone.</summary>
    public string BookedVia { get; set; } = "";

    public string AddressRegion { get; set; } = "";

    public string AddressLine { get; set; } = "";

    public DateOnly Day { get; set; }

    /// <summary>am or pm.</summary>
    public string Slot { get; set; } = "";

    public string? Note { get; set; }

    /// <summary>The 一次性告知 list the agent takes along: material code → name.</summary>
    public Dictionary<string, string> Materials { get; set; } = [];

    public PickupStatus Status { get; set; }

    public string? AgentUserId { get; set; }

    public string? AgentName { get; set; }

    public string? AgentOrganisation { get; set; }

    public List<DoorCheck> Checks { get; set; } = [];

    public DateTimeOffset BookedAt { get; set; }

    public DateTimeOffset? CollectedAt { get; set; }

    public DateTimeOffset? AtWindowAt { get; set; }

    public Guid? CaseId { get; set; }

    public string? CaseNumber { get; set; }

    public int Version { get; set; }

    public static string Label(PickupStatus s) => s switch
    {
        PickupStatus.Booked => "已预约",
        PickupStatus.Assigned => "已派单",
        PickupStatus.Collected => "已上门收件",
        PickupStatus.AtWindow => "已交政邮商窗口",
        PickupStatus.Accepted => "已受理",
        _ => "已取消",
    };

    public Result Assign(string userId, string name, string organisation)
    {
        if (Status is not (PickupStatus.Booked or PickupStatus.Assigned))
        {
            return Error.Conflict("pickup:bad-step", $"预约{Label(Status)}，不能派单");
        }

        (AgentUserId, AgentName, AgentOrganisation, Status) = (userId, name, organisation, PickupStatus.Assigned);
        return Result.Ok();
    }

    public Result Collect(string userId, IReadOnlyList<DoorCheck> checks, DateTimeOffset at)
    {
        if (Status != PickupStatus.Assigned || AgentUserId != userId)
        {
            return Status == PickupStatus.Assigned ? Error.Forbidden("pickup:not-your-pickup", "这单不是派给您的") : Error.Conflict("pickup:bad-step", $"预约{Label(Status)}，不能收件");
        }

        Checks = [.. checks];
        CollectedAt = at;
        Status = PickupStatus.Collected;
        return Result.Ok();
    }

    public Result HandIn(string userId, DateTimeOffset at)
    {
        if (Status != PickupStatus.Collected || AgentUserId != userId)
        {
            return Status == PickupStatus.Collected ? Error.Forbidden("pickup:not-your-pickup", "这单不是派给您的") : Error.Conflict("pickup:bad-step", $"预约{Label(Status)}，不能交窗口");
        }

        AtWindowAt = at;
        Status = PickupStatus.AtWindow;
        return Result.Ok();
    }

    public Result Cancel()
    {
        if (Status is PickupStatus.AtWindow or PickupStatus.Accepted or PickupStatus.Cancelled)
        {
            return Error.Conflict("pickup:bad-step", $"预约{Label(Status)}，不能取消");
        }

        Status = PickupStatus.Cancelled;
        return Result.Ok();
    }

    /// <summary>The case taken from these materials at the window.</summary>
    public void Link(Guid caseId, string caseNumber, bool accepted)
    {
        (CaseId, CaseNumber) = (caseId, caseNumber);
        if (accepted || Status == PickupStatus.AtWindow)
        {
            Status = accepted ? PickupStatus.Accepted : Status;
        }
    }
}

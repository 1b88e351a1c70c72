using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Callbacks.Domain;

/// <summary>Where a 办不成事 report came in.</summary>
internal enum ReportChannel
{
    /// <summary>办不成事 window in the hall.</summary>
    Window,

    /// <summary>网上 (the portal page).</summary>
    Portal,

    /// <summary>12345 (an agent took it on the phone).</summary>
    Hotline,
}

/// <summary>Stored as numbers: new states go at the end.</summary>
internal enum ReportStatus
{
    /// <summary>待接单: no officer has taken it yet (within one working day).</summary>
    Received,

    /// <summary>办理中: a named officer took it.</summary>
    Taken,

    /// <summary>已解决.</summary>
    Solved,

    /// <summary>已解释: could not be done, answered with the legal basis.</summary>
    Explained,
}

/// <summary>
/// 办不成事: what a citizen could not get done, where, what they were told and what they want. A named officer takes it within
/// one working day and solves it, or explains with a legal basis, within <c>Callbacks:UnresolvedDays</c> working days.
/// </summary>
internal sealed class UnresolvedReport : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>BS-20261206-0001: read out to the citizen.</summary>
    public string Number { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public ReportChannel Channel { get; set; }

    public string? ItemCode { get; set; }

    public string? ItemName { get; set; }

    /// <summary>The item's department, where the report names an item (the pattern flag tells its head).</summary>
    public string? DepartmentCode { get; set; }

    public string Site { get; set; } = "";

    public string WhatHappened { get; set; } = "";

    public string Want { get; set; } = "";

    public string? CitizenName { get; set; }

    public string? Phone { get; set; }

    public string? CitizenUserId { get; set; }

    public string ReceivedById { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public DateOnly TakeBy { get; set; }

    public DateOnly DueDate { get; set; }

    public ReportStatus Status { get; set; }

    public string? OfficerUserId { get; set; }

    public string? OfficerName { get; set; }

    /// <summary>The officer's department: the one rated for the handling.</summary>
    public string? OfficerDepartment { get; set; }

    public DateTimeOffset? TakenAt { get; set; }

    public string? Outcome { get; set; }

    public string? LegalBasis { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>This report made its item a pattern (several reports within the window): the department head was told.</summary>
    public bool Flagged { get; set; }

    public Guid? RectificationId { get; set; }

    public int Version { get; set; }

    public bool IsClosed => Status is ReportStatus.Solved or ReportStatus.Explained;

    public static string Label(ReportStatus s) => s switch
    {
        ReportStatus.Received => "待接单",
        ReportStatus.Taken => "办理中",
        ReportStatus.Solved => "已解决",
        ReportStatus.Explained => "已解释",
    };

    public static string Label(ReportChannel c) => c switch
    {
        ReportChannel.Window => "办不成事窗口",
        ReportChannel.Portal => "网上",
        ReportChannel.Hotline => "12345",
    };

    public Result Take(string officerId, string officerName, string? officerDepartment, DateTimeOffset now)
    {
        if (Status != ReportStatus.Received)
        {
            return Error.Conflict("unresolved-report:taken", $"已由 {OfficerName} 接单");
        }

        (Status, OfficerUserId, OfficerName, OfficerDepartment, TakenAt) = (ReportStatus.Taken, officerId, officerName, officerDepartment, now);
        return Result.Ok();
    }

    /// <summary>办结: solved, or explained with the legal basis (required when not solved).</summary>
    public Result Close(bool solved, string outcome, string? legalBasis, string officerId, DateTimeOffset now)
    {
        if (Status != ReportStatus.Taken)
        {
            return Error.Conflict("unresolved-report:wrong-state", $"该诉求{Label(Status)}，不能办结");
        }

        if (OfficerUserId != officerId)
        {
            return Error.Forbidden("unresolved-report:not-yours", $"该诉求由 {OfficerName} 负责办理");
        }

        if (!solved && string.IsNullOrWhiteSpace(legalBasis))
        {
            return Error.Field("legalBasis", "未能办成的，请写明法律政策依据");
        }

        (Status, Outcome, LegalBasis, ClosedAt) = (solved ? ReportStatus.Solved : ReportStatus.Explained, outcome, legalBasis, now);
        return Result.Ok();
    }
}

/// <summary>One problem a 反向体验 found, and the rectification it opened.</summary>
internal sealed record ExperienceProblem(string Step, string Problem, Guid? RectificationId);

/// <summary>反向体验: staff or a leader went through a service as an applicant and recorded what went wrong.</summary>
internal sealed class ReverseExperience
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public DateOnly Date { get; set; }

    /// <summary>How they went through it (channel, steps taken).</summary>
    public string Steps { get; set; } = "";

    public List<ExperienceProblem> Problems { get; set; } = [];

    public string ByUserId { get; set; } = "";

    public string ByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Inspections.Domain;

/// <summary>Stored as numbers: new values go at the end.</summary>
internal enum InspectionMode
{
    /// <summary>现场勘验: the officers travel to the site.</summary>
    OnSite,

    /// <summary>远程勘验: a video session with the applicant on the site; no travel.</summary>
    Remote,
}

internal enum InspectionStatus
{
    /// <summary>勘验中: the case's clock is stopped (特别程序).</summary>
    Open,

    /// <summary>已出具报告: sealed, the case's clock resumed.</summary>
    Concluded,
}

internal enum InspectionConclusion
{
    /// <summary>符合要求.</summary>
    Passed,

    /// <summary>限期整改后复核.</summary>
    Rectify,

    /// <summary>不符合要求.</summary>
    Failed,
}

/// <summary>A place and time: the site, the applicant's phone during a remote session, where a photo was taken.</summary>
internal sealed record GeoPoint(double Lat, double Lng);

/// <summary>A photo of the site: the stored file, when and where it was taken (the phone's timestamp and coordinates).</summary>
internal sealed record SitePhoto(Guid FileId, DateTimeOffset TakenAt, double Lat, double Lng, string Caption);

/// <summary>The applicant's phone's position, reported during the video session.</summary>
internal sealed record LiveLocation(double Lat, double Lng, DateTimeOffset At, string ByName);

/// <summary>One point of the item type's checklist and what the officer found.</summary>
internal sealed record ChecklistResult(string Point, bool Ok, string? Note);

/// <summary>
/// 现场勘验 / 远程勘验 of one case by officers of its department. Opening it starts the case's 特别程序 (the clock stops);
/// concluding it issues the 勘验报告 under the department's e-seal (<see cref="Payload"/>, the DN1 string its QR carries) and
/// resumes the clock. A remote one records the video session, the applicant's live location and the travel it saved.
/// </summary>
internal sealed class Inspection : IVersioned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    public string ItemCode { get; set; } = "";

    public string ItemName { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string? ApplicantUserId { get; set; }

    public string ApplicantName { get; set; } = "";

    public InspectionMode Mode { get; set; }

    public InspectionStatus Status { get; set; }

    public string SiteAddress { get; set; } = "";

    public GeoPoint Site { get; set; } = new(0, 0);

    public string? VideoLink { get; set; }

    public Guid? RecordingFileId { get; set; }

    public List<LiveLocation> Locations { get; set; } = [];

    public List<SitePhoto> Photos { get; set; } = [];

    /// <summary>The ids ("N") of every file attached (photos, recording), space-separated: who may read them is looked up by it.</summary>
    public string AttachmentIds { get; set; } = "";

    public List<string> ChecklistPoints { get; set; } = [];

    public List<ChecklistResult> Checklist { get; set; } = [];

    public InspectionConclusion? Conclusion { get; set; }

    public string? Findings { get; set; }

    /// <summary>Round-trip kilometres from the department's office to the site that a remote inspection did not travel.</summary>
    public double DistanceSavedKm { get; set; }

    public string OpenedByName { get; set; } = "";

    public DateTimeOffset OpenedAt { get; set; }

    public string? ConcludedByName { get; set; }

    public DateTimeOffset? ConcludedAt { get; set; }

    /// <summary>勘验报告编号 (KY + day + sequence), once concluded.</summary>
    public string? ReportNumber { get; set; }

    /// <summary>The department's e-seal over the report's facts: the string its QR carries.</summary>
    public string? Payload { get; set; }

    public int Version { get; set; }

    public static string Label(InspectionMode m) => m == InspectionMode.Remote ? "远程勘验" : "现场勘验";

    public static string Label(InspectionConclusion c) => c switch
    {
        InspectionConclusion.Passed => "符合要求",
        InspectionConclusion.Rectify => "限期整改后复核",
        _ => "不符合要求",
    };

    public Result AddEvidence(IReadOnlyList<SitePhoto> photos, LiveLocation? location, string? videoLink, Guid? recording)
    {
        if (Status != InspectionStatus.Open)
        {
            return Error.Conflict("inspection:concluded", "勘验报告已出具，不能再补充记录");
        }

        if ((location is not null || videoLink is not null || recording is not null) && Mode != InspectionMode.Remote)
        {
            return Error.Field("videoLink", "视频连线、录像和申请人实时位置只用于远程勘验");
        }

        Photos = [.. Photos, .. photos];
        Locations = location is null ? Locations : [.. Locations, location];
        VideoLink = videoLink ?? VideoLink;
        RecordingFileId = recording ?? RecordingFileId;
        AttachmentIds = string.Join(' ', Photos.Select(p => p.FileId).Append(RecordingFileId ?? Guid.Empty).Where(f => f != Guid.Empty).Select(f => f.ToString("N")).Distinct());
        return Result.Ok();
    }

    public Result Conclude(InspectionConclusion conclusion, string findings, IReadOnlyList<ChecklistResult> checklist, string by, DateTimeOffset at)
    {
        if (Status != InspectionStatus.Open)
        {
            return Error.Conflict("inspection:concluded", "勘验报告已出具");
        }

        if (Mode == InspectionMode.Remote && (VideoLink is null || RecordingFileId is null || Locations.Count == 0))
        {
            return Error.Conflict("inspection:remote-incomplete", "远程勘验须先记录视频连线链接、上传录像，并有申请人手机的实时位置");
        }

        Conclusion = conclusion;
        Findings = findings;
        Checklist = [.. checklist];
        ConcludedByName = by;
        ConcludedAt = at;
        Status = InspectionStatus.Concluded;
        return Result.Ok();
    }

    public static double Kilometres(GeoPoint a, GeoPoint b) => Geo.Kilometres(a.Lat, a.Lng, b.Lat, b.Lng);
}

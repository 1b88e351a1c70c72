using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Inspections.Domain;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Inspections.Features;

internal sealed record OpenInspectionInput
{
    public Guid? CaseId { get; init; }

    /// <summary>Or the case's number.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>onSite (现场勘验) or remote (远程勘验).</summary>
    public string? Mode { get; init; }

    public string? SiteAddress { get; init; }

    public double? Lat { get; init; }

    public double? Lng { get; init; }

    /// <summary>The video session's link (remote).</summary>
    public string? VideoLink { get; init; }
}

internal sealed record PhotoInput(Guid? FileId, DateTimeOffset? TakenAt, double? Lat, double? Lng, string? Caption);

internal sealed record LocationInput(double? Lat, double? Lng, DateTimeOffset? At);

internal sealed record EvidenceInput
{
    public List<PhotoInput>? Photos { get; init; }

    /// <summary>The applicant's phone's position now (the applicant sends it from the session; an officer may record it).</summary>
    public LocationInput? Location { get; init; }

    public string? VideoLink { get; init; }

    /// <summary>The session's recording, uploaded first through /api/v1/files.</summary>
    public Guid? RecordingFileId { get; init; }
}

internal sealed record ChecklistInput(string? Point, bool? Ok, string? Note);

internal sealed record ConcludeInspectionInput
{
    /// <summary>passed (符合要求), rectify (限期整改后复核), failed (不符合要求).</summary>
    public string? Conclusion { get; init; }

    public string? Findings { get; init; }

    /// <summary>Every point of the item type's checklist, in order.</summary>
    public List<ChecklistInput>? Checklist { get; init; }
}

internal sealed record InspectionView(
    Guid Id, Guid CaseId, string CaseNumber, string ItemCode, string ItemName, string DepartmentCode, string Mode, string ModeLabel, string Status, string ApplicantName,
    string SiteAddress, GeoPoint Site, string? VideoLink, Guid? RecordingFileId, IReadOnlyList<LiveLocation> Locations, IReadOnlyList<SitePhoto> Photos,
    IReadOnlyList<string> ChecklistPoints, IReadOnlyList<ChecklistResult> Checklist, string? Conclusion, string? ConclusionLabel, string? Findings, double DistanceSavedKm,
    string OpenedByName, DateTimeOffset OpenedAt, string? ConcludedByName, DateTimeOffset? ConcludedAt, string? ReportNumber, string? ReportUrl, string? Payload, int Version);

internal sealed record DistanceRow(string Department, string DepartmentName, int Remote, int OnSite, double KmSaved);

internal sealed record DistanceReport(DateOnly From, DateOnly To, int Remote, int OnSite, double KmSaved, IReadOnlyList<DistanceRow> Departments);

/// <summary>
/// 现场勘验 and 远程勘验 of any running case by its department's officers (reviewers, approvers, heads, inspectors): opening one stops
/// the case's clock (特别程序), evidence is recorded (photos with time and place; for a remote one the video link, the recording and
/// the applicant's live location), and concluding it issues the 勘验报告 sealed with the department's e-seal, verifiable like a licence.
/// The applicant sees the inspections of their own case and reports the phone's location during the session.
/// </summary>
internal sealed class InspectionWork(
    AppDbContext db, ICaseRecords cases, IBundleIntake procedures, IDepartmentDirectory departments, IDocumentSeals seals, FileStore files, AuditTrail audit,
    Microsoft.Extensions.Options.IOptions<InspectionOptions> options, ICurrentUser user, TimeProvider clock) : ISealedDocumentRegister
{
    private static readonly string[] OfficerRoles = [Roles.Reviewer, Roles.Approver, Roles.DepartmentHead, Roles.Inspector];

    private static Error NotFound => Error.NotFound("inspection:not-found", "勘验记录不存在");

    public bool Keeps(string kind) => kind == SealedKinds.InspectionReport;

    public Task<bool> OnRecordAsync(string documentNumber, string payload, CancellationToken ct) =>
        db.Set<Inspection>().AsNoTracking().AnyAsync(i => i.ReportNumber == documentNumber && i.Payload == payload, ct);

    private bool IsOfficerOf(string department) => user.DepartmentCode == department && OfficerRoles.Any(user.IsInRole);

    private bool ReadsAll => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);

    private bool MaySee(Inspection i) => ReadsAll || IsOfficerOf(i.DepartmentCode) || (i.ApplicantUserId is not null && i.ApplicantUserId == user.UserId);

    public async Task<Result<InspectionView>> OpenAsync(OpenInspectionInput input, CancellationToken ct)
    {
        var caseId = input.CaseId ?? (string.IsNullOrWhiteSpace(input.CaseNumber) ? null : await cases.IdOfNumberAsync(input.CaseNumber.Trim(), ct));
        if (caseId is null || await cases.FindAsync(caseId.Value, ct) is not { } c)
        {
            return Error.Field(input.CaseId is null ? "caseNumber" : "caseId", "请指明要勘验的办件（办件不存在）");
        }

        if (!IsOfficerOf(c.DepartmentCode))
        {
            return Error.Forbidden("inspection:not-your-department", "只有办件承办部门的审查、审批或监管人员可以安排勘验");
        }

        var errors = new FieldErrors();
        if (!TextRules.TryEnum<InspectionMode>(input.Mode ?? "", out var mode))
        {
            errors.Add("mode", "勘验方式应为 onSite（现场勘验）或 remote（远程勘验）");
        }

        var address = input.SiteAddress?.Trim() ?? "";
        if (address.Length is < 4 or > 200 || TextRules.TextProblem(address) is not null)
        {
            errors.Add("siteAddress", "请填写勘验地点（4 到 200 字）");
        }

        if (input.Lat is not (>= 3 and <= 54) || input.Lng is not (>= 73 and <= 136))
        {
            errors.Add("lat", "请填写勘验地点的纬度和经度（中国境内）");
        }

        if (input.VideoLink is { } link && !IsLink(link))
        {
            errors.Add("videoLink", "视频连线链接应为 https:// 开头的网址");
        }

        if (errors.Any)
        {
            return errors.ToError("inspection:invalid", "勘验安排有误");
        }

        var paused = await procedures.StartSpecialProcedureAsync([c.Id], Inspection.Label(mode), $"{Inspection.Label(mode)}：{address}", ct);
        if (!paused.IsSuccess)
        {
            return paused.Error!.Fields is { } fields
                ? Error.Conflict("inspection:case-not-running", string.Join("；", fields.SelectMany(f => f.Value)))
                : paused.Error!;
        }

        var o = options.Value;
        var site = new GeoPoint(input.Lat!.Value, input.Lng!.Value);
        var inspection = new Inspection
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), CaseId = c.Id, CaseNumber = c.Number, ItemCode = c.ItemCode, ItemName = c.ItemName,
            DepartmentCode = c.DepartmentCode, RegionCode = c.RegionCode, ApplicantUserId = c.ApplicantUserId, ApplicantName = c.ApplicantName, Mode = mode,
            SiteAddress = address, Site = site, VideoLink = input.VideoLink?.Trim(), ChecklistPoints = [.. o.ChecklistFor(c.ItemCode, c.DepartmentCode)],
            DistanceSavedKm = mode == InspectionMode.Remote ? Math.Round(2 * Inspection.Kilometres(o.OfficeOf(c.DepartmentCode, c.RegionCode), site), 1) : 0,
            OpenedByName = user.DisplayName ?? user.UserName ?? "", OpenedAt = clock.GetUtcNow(),
        };
        db.Add(inspection);
        audit.Record(new AuditRecord(c.RegionCode, "Inspection", inspection.Id.ToString(), "InspectionOpened", new { c.Number, mode = mode.ToString(), address }));
        await db.SaveChangesAsync(ct);
        return View(inspection);
    }

    public async Task<Result<InspectionView>> AddEvidenceAsync(Guid id, EvidenceInput input, int? version, CancellationToken ct)
    {
        var i = await db.Set<Inspection>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || !MaySee(i))
        {
            return NotFound;
        }

        var officer = IsOfficerOf(i.DepartmentCode);
        var applicant = i.ApplicantUserId == user.UserId;
        if (!officer && !(applicant && input.Photos is null or [] && input.VideoLink is null && input.RecordingFileId is null))
        {
            return Error.Forbidden("inspection:not-yours", applicant ? "申请人只能报送手机的实时位置" : "只有承办部门的人员可以记录勘验");
        }

        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var photos = input.Photos ?? [];
        var fileIds = photos.Where(p => p.FileId is not null).Select(p => p.FileId!.Value).Append(input.RecordingFileId ?? Guid.Empty).Where(f => f != Guid.Empty).ToList();
        var found = await files.FindAsync(fileIds, ct);
        for (var n = 0; n < photos.Count; n++)
        {
            var p = photos[n];
            if (p.FileId is not { } f || !found.TryGetValue(f, out var stored) || stored.UploadedBy != user.UserId)
            {
                errors.Add($"photos[{n}].fileId", "照片须先通过 /api/v1/files 上传（本人上传的文件）");
            }

            if (p.TakenAt is not { } taken || taken > now.AddMinutes(5) || taken < i.OpenedAt.AddDays(-1))
            {
                errors.Add($"photos[{n}].takenAt", "请给出拍摄时间（勘验开始前一天至今）");
            }

            if (p.Lat is not (>= 3 and <= 54) || p.Lng is not (>= 73 and <= 136))
            {
                errors.Add($"photos[{n}].lat", "请给出拍摄地点的纬度和经度");
            }
        }

        if (input.RecordingFileId is { } r && (!found.TryGetValue(r, out var rec) || rec.UploadedBy != user.UserId))
        {
            errors.Add("recordingFileId", "录像须先通过 /api/v1/files 上传（本人上传的文件）");
        }

        if (input.VideoLink is { } link && !IsLink(link))
        {
            errors.Add("videoLink", "视频连线链接应为 https:// 开头的网址");
        }

        LiveLocation? location = null;
        if (input.Location is { } l)
        {
            if (l.Lat is not (>= 3 and <= 54) || l.Lng is not (>= 73 and <= 136))
            {
                errors.Add("location.lat", "请给出手机位置的纬度和经度");
            }
            else
            {
                location = new LiveLocation(l.Lat.Value, l.Lng.Value, l.At is { } at && at <= now.AddMinutes(5) ? at : now, user.DisplayName ?? user.UserName ?? "");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("inspection:invalid", "勘验记录有误");
        }

        return await db.ChangeVersionedAsync(i, version,
            x => Task.FromResult(x.AddEvidence(
                [.. photos.Select(p => new SitePhoto(p.FileId!.Value, p.TakenAt!.Value, p.Lat!.Value, p.Lng!.Value, TextRules.Clip(p.Caption?.Trim() ?? "", 100)))],
                location, input.VideoLink?.Trim(), input.RecordingFileId)),
            x => audit.Record(new AuditRecord(x.RegionCode, "Inspection", x.Id.ToString(), "InspectionEvidenceAdded",
                new { photos = photos.Count, location = location is not null, input.RecordingFileId })),
            View, ct);
    }

    public async Task<Result<InspectionView>> ConcludeAsync(Guid id, ConcludeInspectionInput input, int? version, CancellationToken ct)
    {
        var i = await db.Set<Inspection>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || !MaySee(i))
        {
            return NotFound;
        }

        if (!IsOfficerOf(i.DepartmentCode))
        {
            return Error.Forbidden("inspection:not-your-department", "只有承办部门的人员可以出具勘验报告");
        }

        var errors = new FieldErrors();
        if (!TextRules.TryEnum<InspectionConclusion>(input.Conclusion ?? "", out var conclusion))
        {
            errors.Add("conclusion", "勘验结论应为 passed（符合要求）、rectify（限期整改后复核）或 failed（不符合要求）");
        }

        var findings = input.Findings?.Trim() ?? "";
        if (findings.Length is < 4 or > 2000)
        {
            errors.Add("findings", "请写明勘验情况（4 到 2000 字）");
        }
        else if (TextRules.TextProblem(findings) is { } bad)
        {
            errors.Add("findings", "勘验情况" + bad);
        }

        var checklist = input.Checklist ?? [];
        var points = i.ChecklistPoints;
        if (checklist.Count != points.Count)
        {
            errors.Add("checklist", $"请逐项填写勘验要点（共 {points.Count} 项：{string.Join("、", points)}）");
        }
        else
        {
            for (var n = 0; n < points.Count; n++)
            {
                if (checklist[n].Point?.Trim() != points[n] || checklist[n].Ok is null)
                {
                    errors.Add($"checklist[{n}]", $"第 {n + 1} 项应为“{points[n]}”，并写明是否符合");
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToError("inspection:invalid", "勘验结论有误");
        }

        return await db.ChangeVersionedAsync(i, version, async x =>
            {
                var done = x.Conclude(conclusion, findings, [.. checklist.Select((c, n) => new ChecklistResult(points[n], c.Ok!.Value, TextRules.Clip(c.Note?.Trim() ?? "", 200)))],
                    user.DisplayName ?? user.UserName ?? "", clock.GetUtcNow());
                if (!done.IsSuccess)
                {
                    return done;
                }

                // The report is numbered and sealed, and the case's clock resumes, in the same unit of work.
                var today = clock.TodayInChina();
                var department = await departments.FindAsync(x.DepartmentCode, ct);
                x.ReportNumber = $"KY{today:yyyyMMdd}{await DayCounters.NextAsync(db, "inspection-report", today, ct):D4}";
                x.Payload = await seals.SealAsync(new SealedFacts(SealedKinds.InspectionReport, Inspection.Label(x.Mode) + "报告", x.ReportNumber, x.CaseNumber, x.ItemName,
                    x.DepartmentCode, department?.Name ?? x.DepartmentCode, today), ct);
                return await procedures.EndSpecialProcedureAsync([x.CaseId], $"{Inspection.Label(x.Mode)}：{Inspection.Label(conclusion)}。{findings}（报告 {x.ReportNumber}）", ct);
            },
            x => audit.Record(new AuditRecord(x.RegionCode, "Inspection", x.Id.ToString(), "InspectionConcluded", new { x.ReportNumber, conclusion = conclusion.ToString(), x.DistanceSavedKm })),
            View, ct);
    }

    public async Task<Inspection?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Inspection>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } i && MaySee(i) ? i : null;

    public async Task<InspectionView?> ViewAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) is { } i ? View(i) : null;

    public async Task<Page<InspectionView>> ListAsync(string? caseNumber, string? status, int page, int size, CancellationToken ct)
    {
        var q = db.Set<Inspection>().AsNoTracking();
        if (!ReadsAll)
        {
            var department = OfficerRoles.Any(user.IsInRole) ? user.DepartmentCode ?? "" : "";
            var me = user.UserId ?? "";
            q = q.Where(i => i.DepartmentCode == department || i.ApplicantUserId == me);
        }

        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            q = q.Where(i => i.CaseNumber == caseNumber.Trim());
        }

        if (TextRules.TryEnum<InspectionStatus>(status ?? "", out var s))
        {
            q = q.Where(i => i.Status == s);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.OpenedAt).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<InspectionView>([.. rows.Select(View)], total, page, size);
    }

    /// <summary>远程勘验's savings: the round-trip kilometres not travelled, per department, over the concluded inspections of the period.</summary>
    public async Task<DistanceReport> DistanceAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, end) = (Timestamps.AtChinaTime(from), Timestamps.AtChinaTime(to.AddDays(1)));
        var q = db.Set<Inspection>().AsNoTracking().Where(i => i.Status == InspectionStatus.Concluded && i.OpenedAt >= start && i.OpenedAt < end);
        if (!ReadsAll)
        {
            var department = user.DepartmentCode ?? "";
            q = q.Where(i => i.DepartmentCode == department);
        }

        var rows = await q.Select(i => new { i.DepartmentCode, i.Mode, i.DistanceSavedKm }).ToListAsync(ct);
        var names = await departments.NamesAsync(rows.Select(r => r.DepartmentCode).Distinct(), ct);
        var byDepartment = rows.GroupBy(r => r.DepartmentCode).Select(g => new DistanceRow(g.Key, names.GetValueOrDefault(g.Key, g.Key),
            g.Count(r => r.Mode == InspectionMode.Remote), g.Count(r => r.Mode == InspectionMode.OnSite), Math.Round(g.Sum(r => r.DistanceSavedKm), 1)))
            .OrderByDescending(r => r.KmSaved).ToList();
        return new DistanceReport(from, to, byDepartment.Sum(r => r.Remote), byDepartment.Sum(r => r.OnSite), Math.Round(byDepartment.Sum(r => r.KmSaved), 1), byDepartment);
    }

    /// <summary>Whether the person may read a file attached to an inspection (officers of its department, the applicant, administrators).</summary>
    public async Task<bool> MaySeeFileAsync(Guid fileId, CancellationToken ct)
    {
        var key = fileId.ToString("N");
        var candidates = await db.Set<Inspection>().AsNoTracking().Where(i => i.AttachmentIds.Contains(key)).Take(20).ToListAsync(ct);
        return candidates.Any(MaySee);
    }

    private static bool IsLink(string link) =>
        Uri.TryCreate(link.Trim(), UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && link.Length <= 500;

    private static InspectionView View(Inspection i) => new(
        i.Id, i.CaseId, i.CaseNumber, i.ItemCode, i.ItemName, i.DepartmentCode, i.Mode == InspectionMode.Remote ? "remote" : "onSite", Inspection.Label(i.Mode),
        i.Status == InspectionStatus.Open ? "open" : "concluded", i.ApplicantName, i.SiteAddress, i.Site, i.VideoLink, i.RecordingFileId, i.Locations, i.Photos,
        i.ChecklistPoints, i.Checklist, i.Conclusion is { } c ? c.InJson() : null,
        i.Conclusion is { } l ? Inspection.Label(l) : null, i.Findings, i.DistanceSavedKm, i.OpenedByName, i.OpenedAt, i.ConcludedByName, i.ConcludedAt, i.ReportNumber,
        i.ReportNumber is null ? null : $"/api/v1/inspections/{i.Id}/report.pdf", i.Payload, i.Version);
}

using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Modules.Intake.Features;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake.Contracts;

/// <summary>A sub-case as other modules (projects) read it.</summary>
public sealed record SubCaseFacts(
    Guid Id, string Number, string ItemCode, string ItemName, string DepartmentCode, string Status, string StatusText, DateOnly? DueDate,
    string DeadlineState, bool InSpecialProcedure);

/// <summary>A 一件事 application as other modules read it: its state, its days, its sub-cases.</summary>
public sealed record BundleFacts(
    Guid Id, string Number, string BundleCode, string BundleName, string Status, string StatusLabel, DateOnly? AcceptedOn, DateOnly? DecidedOn,
    DateOnly? DueDate, int OpenDeficiencies, IReadOnlyList<SubCaseFacts> SubCases)
{
    public string RegionCode { get; init; } = "";

    public string LeadDepartment { get; init; } = "";

    public string? ApplicantUserId { get; init; }
}

/// <summary>
/// What other modules may do with 一件事 applications: apply (a construction project's stage), read
/// their progress, and run a 特别程序 (联合评审, 现场踏勘) over some of their sub-cases: their clocks stop
/// when it starts and resume, due dates moved by exactly its working days, when it concludes.
/// </summary>
public sealed class BundleIntake(
    BundleApplications applications, Bundles definitions, AppDbContext db, AuditTrail audit, Outbox outbox, WorkingDayCalendar calendar, TimeProvider clock)
{
    /// <param name="grantAwaitsLicense">拿地即开工: the sub-cases may be reviewed now and granted once the applicant holds one of these licences.</param>
    public async Task<Result<BundleFacts>> ApplyAsync(
        BundleApplyRequest request, IReadOnlyDictionary<string, string[]> form, string? idempotencyKey, IReadOnlyList<string>? grantAwaitsLicense, CancellationToken ct)
    {
        var applied = await applications.ApplyAsync(request, form, idempotencyKey, grantAwaitsLicense, ct);
        return applied.IsSuccess ? (await FindAsync([applied.Value.Created.Id], ct))[0] : applied.Error!;
    }

    /// <summary>A bundle's merged form and materials (what a stage's application page asks), or null.</summary>
    public async Task<Catalog.Contracts.MergedItems?> MergedAsync(string bundleCode, CancellationToken ct) =>
        (await definitions.LoadAsync(bundleCode, ct))?.Merged;

    public async Task<IReadOnlyList<BundleFacts>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var apps = await db.Set<BundleApplication>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var subCases = (await db.Set<Case>().AsNoTracking().Where(c => c.BundleApplicationId != null && ids.Contains(c.BundleApplicationId.Value)).ToListAsync(ct))
            .ToLookup(c => c.BundleApplicationId!.Value);
        return [.. apps.Select(a =>
        {
            var subs = subCases[a.Id].OrderBy(c => c.Number).ToList();
            var status = BundleProgress.Of(a, subs);
            return new BundleFacts(a.Id, a.Number, a.BundleCode, a.BundleName, status.ToString(), BundleProgress.Label(status), a.AcceptedOn, a.DecidedOn, a.DueDate,
                subs.Sum(c => c.Status == CaseStatus.Supplementing ? c.Deficiencies.Count : 0),
                [.. subs.Select(c => new SubCaseFacts(c.Id, c.Number, c.ItemCode, c.ItemName, c.DepartmentCode, c.Status.ToString(), c.StatusText, c.DueDate,
                    c.DeadlineState.ToString(), c.SpecialProcedureSince is not null))])
            {
                RegionCode = a.RegionCode, LeadDepartment = a.LeadDepartment, ApplicantUserId = a.ApplicantUserId,
            };
        })];
    }

    /// <summary>Starts a 特别程序 on the sub-cases, in the caller's unit of work (the caller saves): every case can, or none changes.</summary>
    public async Task<Result> StartSpecialProcedureAsync(IReadOnlyCollection<Guid> caseIds, string kind, string title, CancellationToken ct)
    {
        var cases = await db.Set<Case>().Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        if (cases.Count != caseIds.Count)
        {
            return Error.Field("caseIds", "有办件不存在");
        }

        var today = clock.TodayInChina();
        var errors = new FieldErrors();
        foreach (var c in cases)
        {
            if (c.StartSpecialProcedure(today, kind, title) is { IsSuccess: false } failed)
            {
                errors.Add("caseIds", $"{c.Number}（{c.ItemName}）：{failed.Error!.Title}");
            }
        }

        if (errors.Any)
        {
            return errors.ToError("case:procedure-invalid", "所选办件不能进入特别程序");
        }

        cases.ForEach(c => CaseActions.Record(audit, outbox, c, "SpecialProcedureStarted"));
        return Result.Ok();
    }

    /// <summary>Concludes the 特别程序 on the sub-cases (the caller saves): its conclusion goes on each, and each clock resumes.</summary>
    public async Task<Result> EndSpecialProcedureAsync(IReadOnlyCollection<Guid> caseIds, string conclusion, CancellationToken ct)
    {
        var cases = await db.Set<Case>().Where(c => caseIds.Contains(c.Id) && c.SpecialProcedureSince != null).ToListAsync(ct);
        var rules = await calendar.RulesAsync(ct);
        var today = clock.TodayInChina();
        foreach (var c in cases)
        {
            if (c.EndSpecialProcedure(today, rules, conclusion) is { IsSuccess: false } failed)
            {
                return failed.Error!;
            }

            CaseActions.Record(audit, outbox, c, "SpecialProcedureEnded");
        }

        return Result.Ok();
    }
}

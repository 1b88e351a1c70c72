using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Intake.Features;

/// <summary>Intake's side of <see cref="IBundleIntake"/>.</summary>
internal sealed class BundleIntake(
    BundleApplications applications, Bundles definitions, AppDbContext db, AuditTrail audit, WorkingDayCalendar calendar, TimeProvider clock) : IBundleIntake
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
            return new BundleFacts(a.Id, a.Number, a.BundleCode, a.BundleName, status.InJson(), BundleProgress.Label(status), a.AcceptedOn, a.DecidedOn, a.DueDate,
                subs.Sum(c => c.Status == CaseStatus.Supplementing ? c.Deficiencies.Count : 0),
                [.. subs.Select(c => new SubCaseFacts(c.Id, c.Number, c.ItemCode, c.ItemName, c.DepartmentCode, c.Status.InJson(), c.StatusText, c.DueDate,
                    c.DeadlineState.InJson(), c.SpecialProcedureSince is not null))])
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

        cases.ForEach(c => CaseRecording.Record<CaseSpecialProcedureStarted>(audit, c));
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

            CaseRecording.Record<CaseSpecialProcedureEnded>(audit, c);
        }

        return Result.Ok();
    }
}

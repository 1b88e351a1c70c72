using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Modules.Supervision.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Supervision.Features;

internal sealed record PostCheckInput
{
    public bool? Passed { get; init; }

    public string? Findings { get; init; }
}

internal sealed record PostCheckView(
    Guid Id, Guid CaseId, string CaseNumber, string ItemCode, string ItemName, string SupervisingDepartment, string RegionCode, string HolderKind, string HolderName,
    string HolderCode, IReadOnlyList<string> PledgedMaterials, DateOnly CreatedOn, DateOnly DueDate, bool Overdue, string Status, string StatusLabel, string? Findings,
    string? CheckedByName, DateTimeOffset? CheckedAt, int Version);

/// <summary>
/// 事后核查 of 告知承诺 approvals: the supervising department's officers record whether the pledge was true. 承诺不实 revokes the
/// licence (through the Licenses module), records a credit mark (失信记录) and blocks 告知承诺 for the applicant for
/// <c>Supervision:PledgeBlockDays</c>; the approving department hears of it.
/// </summary>
internal sealed class PostChecks(
    AppDbContext db, ILicenseStanding licenses, IDepartmentDirectory departments, AuditTrail audit, ICurrentUser user, TimeProvider clock, IOptions<SupervisionOptions> options)
{
    private static Error NotFound => Error.NotFound("post-check:not-found", "核查任务不存在");

    private IQueryable<PostCheck> Visible(IQueryable<PostCheck> q) =>
        SupervisionAccess.Scope(user) is { } department ? q.Where(p => p.SupervisingDepartment == department) : q;

    public async Task<Page<PostCheckView>> ListAsync(string? department, string? status, int page, int size, CancellationToken ct)
    {
        var q = Visible(db.Set<PostCheck>().AsNoTracking());
        if (!string.IsNullOrWhiteSpace(department))
        {
            q = q.Where(p => p.SupervisingDepartment == department.Trim());
        }

        if (status == "open")
        {
            q = q.Where(p => p.Status == PostCheckStatus.Open);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(p => p.Status).ThenBy(p => p.DueDate).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PostCheckView>([.. rows.Select(View)], total, page, size);
    }

    public async Task<PostCheckView?> FindAsync(Guid id, CancellationToken ct) =>
        await Visible(db.Set<PostCheck>().AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? View(p) : null;

    public async Task<Result<PostCheckView>> ConcludeAsync(Guid id, PostCheckInput input, int? version, CancellationToken ct)
    {
        var check = await Visible(db.Set<PostCheck>()).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (check is null)
        {
            return NotFound;
        }

        if (!SupervisionAccess.ActsFor(user, check.SupervisingDepartment))
        {
            return Error.Forbidden("post-check:not-your-department", "只有监管部门的监管人员可以录入核查结论");
        }

        var errors = new FieldErrors();
        if (input.Passed is null)
        {
            errors.Add("passed", "请说明核查结论：passed=true（承诺属实）或 false（承诺不实）");
        }

        var findings = input.Findings?.Trim() ?? "";
        if (findings.Length is < 2 or > 2000)
        {
            errors.Add("findings", "请写明核查情况（2 到 2000 字）");
        }
        else if (TextRules.TextProblem(findings) is { } bad)
        {
            errors.Add("findings", "核查情况" + bad);
        }

        if (errors.Any)
        {
            return errors.ToError("post-check:invalid", "核查结论有误");
        }

        if (version is { } v && v != check.Version)
        {
            return Error.StaleWrite;
        }

        var done = check.Conclude(input.Passed!.Value, findings, user.DisplayName ?? user.UserName ?? "", clock.Now());
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        IReadOnlyList<LicenseFacts> revoked = [];
        if (!input.Passed.Value)
        {
            var department = await departments.FindAsync(check.SupervisingDepartment, ct);
            var today = clock.TodayInChina();
            revoked = await licenses.ChangeForCaseAsync(check.CaseId, revoke: true, $"告知承诺核查：承诺不实（{findings}）", SupervisionItems.Source, ct);
            db.Add(new CreditMark
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), HolderCode = check.HolderCode, HolderName = check.HolderName, Reason = $"告知承诺不实：{check.ItemName}（{check.CaseNumber}）：{findings}",
                DepartmentCode = check.SupervisingDepartment, DepartmentName = department?.Name ?? check.SupervisingDepartment, SourceId = check.Id, SourceCaseNumber = check.CaseNumber,
                RecordedOn = today, PledgeBlockedUntil = options.Value.PledgeBlockDays > 0 ? today.AddDays(options.Value.PledgeBlockDays) : null,
            });
            audit.Record(new AuditRecord(check.RegionCode, "PostCheck", check.Id.ToString(), "PledgeFoundFalse",
                    new { check.CaseNumber, holder = Mask.IdentityCode(check.HolderCode), revoked = revoked.Select(l => l.LicenseNumber) }),
                new SupervisionFeedbackGiven(check.CaseNumber, check.ItemName, check.HolderName, check.SupervisingDepartment, department?.Name ?? check.SupervisingDepartment,
                    "告知承诺核查不实：撤销许可、记入失信记录", findings, check.RegionCode));
        }
        else
        {
            audit.Record(new AuditRecord(check.RegionCode, "PostCheck", check.Id.ToString(), "PledgeFoundTrue", new { check.CaseNumber }));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.StaleWrite;
        }

        return View(check);
    }

    private PostCheckView View(PostCheck p)
    {
        var whole = SupervisionAccess.ActsFor(user, p.SupervisingDepartment);
        return new PostCheckView(p.Id, p.CaseId, p.CaseNumber, p.ItemCode, p.ItemName, p.SupervisingDepartment, p.RegionCode, p.HolderKind, p.HolderName,
            whole ? p.HolderCode : Mask.IdentityCode(p.HolderCode), p.PledgedMaterials, p.CreatedOn, p.DueDate,
            p.Status == PostCheckStatus.Open && clock.TodayInChina() > p.DueDate, p.Status.InJson(),
            PostCheck.Label(p.Status), p.Findings, p.CheckedByName, p.CheckedAt, p.Version);
    }
}

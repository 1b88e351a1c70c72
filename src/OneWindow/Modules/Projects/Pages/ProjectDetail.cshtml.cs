using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Modules.Projects.Features;
using OneWindow.Platform;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Projects.Pages;

/// <summary>
/// A construction project end to end: its clock against the whole-process limit, a timeline of its
/// four stages (days per stage, 特别程序 marked), each stage's 一件事 and sub-cases, the joint reviews
/// with every department's opinion, and the steward. The steward (or a clerk) applies for the open
/// stage here and arranges joint reviews; invited officers record their opinions; the organiser concludes.
/// </summary>
[Authorize]
internal sealed class ProjectDetailModel(
    Features.Projects projects, JointReviews reviews, ExpertPool experts, IBundleIntake bundles, IDepartmentDirectory departments, FileStore files, ICurrentUser user) : PageModel
{
    public ProjectView? Project { get; private set; }

    /// <summary>The stage that may be applied for now, with its merged form and materials.</summary>
    public (StageView Stage, MergedItems Merged)? OpenStage { get; private set; }

    /// <summary>The open stage's predecessor is not decided yet: it can only be applied for as 拿地即开工 (pre-review).</summary>
    public bool PreReviewOnly { get; private set; }

    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    public Dictionary<string, string[]> Values { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The experts drawn for the project's reviews, by id.</summary>
    public IReadOnlyDictionary<Guid, ExpertView> Experts { get; private set; } = new Dictionary<Guid, ExpertView>();

    public bool MayManage => user.IsInRole(Roles.IntakeClerk) || user.IsInRole(Roles.HallGuide) || user.IsInRole(Roles.Admin);

    /// <summary>The officer's department, when they are invited to a review still open.</summary>
    public bool MayGiveOpinion(ReviewView r) =>
        r.ConcludedOn is null && user.DepartmentCode is { } d && r.Departments.Contains(d)
        && (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Approver) || user.IsInRole(Roles.DepartmentHead));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? act, Guid? review, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error? error = null;
        string done;
        switch (act)
        {
            case "apply" when OpenStage is { } open:
                Values = FormFieldsView.Posted(open.Merged.Form, Request.Form);
                var given = await UploadAsync(ct);
                Result<Intake.Contracts.BundleFacts>? applied = Errors.Any ? default(Result<Intake.Contracts.BundleFacts>?) : await projects.ApplyForStageAsync(id, open.Stage.Number, Values, given, Request.Form["preReview"] == "true", Request.Form["key"], ct);
                error = applied is not { } result ? Errors.ToError("project:invalid-materials", "材料有误") : result.Error;
                if (applied is { IsSuccess: true } ok)
                {
                    TempData["message"] = $"已提交“{open.Stage.Name}”阶段申请，一件事编号 {ok.Value!.Number}，请到综合窗口受理。";
                    return Redirect($"/bundle-applications/{ok.Value.Id}");
                }

                done = "";
                break;
            case "schedule":
                var scheduled = await reviews.ScheduleAsync(id, new ScheduleReview
                {
                    Kind = Enum.TryParse<ReviewKind>(Request.Form["kind"], true, out var kind) ? kind : null, Title = Request.Form["title"],
                    ScheduledOn = DateOnly.TryParse(Request.Form["scheduledOn"], System.Globalization.CultureInfo.InvariantCulture, out var on) ? on : null,
                    Location = Request.Form["location"], CaseIds = [.. Request.Form["caseIds"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty)],
                }, ct);
                error = scheduled.Error;
                done = "已安排，所涉事项暂停计时。";
                break;
            case "opinion" when review is { } r:
                var fileIds = new List<Guid>();
                foreach (var file in Request.Form.Files.Where(f => f.Length > 0))
                {
                    await using var stream = file.OpenReadStream();
                    var saved = await files.SaveAsync(stream, file.FileName, user.UserId!, Project!.RegionCode, isPublic: false, ct);
                    if (saved.IsSuccess)
                    {
                        fileIds.Add(saved.Value!.FileId);
                    }
                    else
                    {
                        Errors.Add("fileIds", saved.Error!.Title);
                    }
                }

                Result<ReviewView>? opinion = Errors.Any ? default(Result<ReviewView>?) : await reviews.OpinionAsync(r, new OpinionInput
                {
                    Opinion = Request.Form["opinion"], Verdict = Enum.TryParse<Verdict>(Request.Form["verdict"], true, out var v) ? v : null, FileIds = fileIds,
                }, version, ct);
                error = opinion is not { } recorded ? Errors.ToError("joint-review:invalid-opinion", "附件有误") : recorded.Error;
                done = "本部门意见已记录。";
                break;
            case "draw" when review is { } r:
                var draw = await experts.DrawAsync(r, new DrawInput
                {
                    Field = Request.Form["field"], Count = int.TryParse(Request.Form["count"], out var n) ? n : null,
                }, ct);
                error = draw.Error;
                done = draw.IsSuccess ? $"已抽取专家：{string.Join("、", draw.Value!.Drawn.Select(e => e.Name))}（种子 {draw.Value.Seed[..12]}…，可复算）。" : "";
                break;
            case "expert-opinion" when review is { } r:
                var expertOpinion = await experts.OpinionAsync(r, new ExpertOpinionInput
                {
                    ExpertId = Guid.TryParse(Request.Form["expertId"], out var e) ? e : null, Opinion = Request.Form["opinion"],
                    Verdict = Enum.TryParse<Verdict>(Request.Form["verdict"], true, out var ev) ? ev : null,
                }, version, ct);
                error = expertOpinion.Error;
                done = "专家意见已记录。";
                break;
            case "conclude" when review is { } r:
                var concluded = await reviews.ConcludeAsync(r, new ConcludeInput
                {
                    Conclusion = Request.Form["conclusion"], Verdict = Enum.TryParse<Verdict>(Request.Form["verdict"], true, out var cv) ? cv : null,
                }, version, ct);
                error = concluded.Error;
                done = "已形成结论，所涉事项恢复计时。";
                break;
            default:
                return Forbid();
        }

        if (error is null)
        {
            TempData["message"] = done;
            return Redirect($"/projects/{id}");
        }

        Problem = error.Describe();
        Errors.AddAll(error);

        Response.StatusCode = error.Kind switch
        {
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<List<MaterialInput?>> UploadAsync(CancellationToken ct)
    {
        var given = new List<MaterialInput?>();
        foreach (var file in Request.Form.Files.Where(f => f.Name.StartsWith("file.", StringComparison.Ordinal) && f.Length > 0))
        {
            await using var stream = file.OpenReadStream();
            var saved = await files.SaveAsync(stream, file.FileName, user.UserId!, Project!.RegionCode, isPublic: false, ct);
            if (saved.IsSuccess)
            {
                given.Add(new MaterialInput(file.Name[5..], saved.Value!.FileId, null));
            }
            else
            {
                Errors.Add("materials." + file.Name[5..], saved.Error!.Title);
            }
        }

        return given;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await projects.GetAsync(id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Project = found.Value!;
        var stages = Project.Stages;
        var next = stages.FirstOrDefault(s => s.Application is null);
        if (MayManage && next is not null && await bundles.MergedAsync(next.BundleCode, ct) is { } merged)
        {
            OpenStage = (next, merged);
            PreReviewOnly = next.Number > 1 && stages.Single(s => s.Number == next.Number - 1).Application?.DecidedOn is null;
        }

        DepartmentNames = await departments.NamesAsync(
            stages.SelectMany(s => s.Application?.SubCases ?? []).Select(c => c.DepartmentCode).Concat(Project.Reviews.SelectMany(r => r.Departments)), ct);
        Experts = await experts.FindManyAsync([.. Project.Reviews.SelectMany(r => r.ExpertIds)], ct);
        return true;
    }
}

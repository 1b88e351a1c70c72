using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Data;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Catalog.Features;

internal sealed record ImportJobView(
    Guid Id, string FileName, ImportJobStatus Status, int Total, int Processed, int Percent, string RequestedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, ImportReport? Report, string? Error);

/// <summary>
/// Background catalogue imports with progress: the request stores the file and queues an outbox
/// event; the handler validates row by row (publishing its progress), then applies everything in
/// one transaction or nothing. Progress is read from the job row, so any instance can show it.
/// </summary>
internal sealed class ImportJobs(AppDbContext db, Outbox outbox, ICurrentUser user, TimeProvider clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task<Result<Guid>> StartAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || CatalogFiles.FormatOf(file.FileName) is null)
        {
            return Error.Field("file", "请上传 .json、.csv 或 .xlsx 文件（字段名 file）");
        }

        if (file.Length > MaxBytes)
        {
            return Error.Field("file", "文件不能超过 20 MB");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (CatalogFiles.FormatOf(file.FileName) == CatalogFormat.Xlsx && CatalogFiles.CheckXlsx(buffer.ToArray()) is { } refused)
        {
            return refused;
        }

        var job = new CatalogImportJob
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            RegionCode = user.RegionCode ?? "",
            FileName = Platform.Files.FileStore.SanitiseName(file.FileName),
            Content = buffer.ToArray(),
            RequestedById = user.UserId ?? "",
            RequestedByName = user.DisplayName ?? "",
            RequestedByRoles = string.Join(',', Roles.All.Where(user.IsInRole)),
            RequestedByDepartment = user.DepartmentCode,
            Status = ImportJobStatus.Queued,
            CreatedAt = clock.Now(),
        };
        db.Add(job);
        outbox.Enqueue(new CatalogImportRequested(job.Id, job.RegionCode));
        await db.SaveChangesAsync(ct);
        return job.Id;
    }

    public async Task<ImportJobView?> GetAsync(Guid id, CancellationToken ct)
    {
        var job = await db.Set<CatalogImportJob>().AsNoTracking().Where(j => j.Id == id)
            .Select(j => new { j.Id, j.FileName, j.Status, j.Total, j.Processed, j.RequestedByName, j.CreatedAt, j.FinishedAt, j.ReportJson, j.Error })
            .SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        var percent = job.Status is ImportJobStatus.Succeeded or ImportJobStatus.Rejected ? 100
            : job.Total == 0 ? 0 : (int)(100L * job.Processed / job.Total);
        var report = job.ReportJson is null ? null : JsonSerializer.Deserialize<ImportReport>(job.ReportJson, ServiceItemConfiguration.Json);
        return new ImportJobView(job.Id, job.FileName, job.Status, job.Total, job.Processed, percent, job.RequestedByName,
            job.CreatedAt, job.FinishedAt, report, job.Error);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/catalog/import-jobs").WithTags("事项目录").RequireAuthorization(ManageItems.EditorPolicy);
        jobs.MapPost("/", async Task<Results<Accepted<ImportJobView>, ProblemHttpResult>> (HttpRequest request, ImportJobs imports, CancellationToken ct) =>
            {
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var started = await imports.StartAsync(form?.Files.GetFile("file"), ct);
                if (!started.IsSuccess)
                {
                    return started.Error!.ToProblem();
                }

                var view = await imports.GetAsync(started.Value, ct);
                return TypedResults.Accepted($"/api/v1/catalog/import-jobs/{started.Value}", view!);
            })
            .DisableAntiforgery().AcceptsFileUpload()
            .WithSummary("后台导入（带进度）：返回 202 和任务地址");
        jobs.MapGet("/{id:guid}", async Task<Results<Ok<ImportJobView>, ProblemHttpResult>> (Guid id, ImportJobs imports, CancellationToken ct) =>
                await imports.GetAsync(id, ct) is { } view
                    ? TypedResults.Ok(view)
                    : Error.NotFound("catalog:import-job-not-found", "导入任务不存在").ToProblem())
            .WithSummary("导入任务的状态、进度与结果");
    }
}

/// <summary>Runs a queued import as the person who started it. Safe to run again: unchanged items are left alone.</summary>
internal sealed class RunCatalogImport(AppDbContext db, IServiceProvider services, IServiceScopeFactory scopes, TimeProvider clock)
    : IOutboxHandler<CatalogImportRequested>
{
    public async Task HandleAsync(CatalogImportRequested e, OutboxDeliveryContext context, CancellationToken ct)
    {
        var job = await db.Set<CatalogImportJob>().SingleOrDefaultAsync(j => j.Id == e.JobId, ct);
        if (job is null || job.Status is ImportJobStatus.Succeeded or ImportJobStatus.Rejected)
        {
            return;
        }

        var format = CatalogFiles.FormatOf(job.FileName)!.Value;
        var read = CatalogFiles.Read(new MemoryStream(job.Content), format);
        if (!read.IsSuccess)
        {
            job.Status = ImportJobStatus.Failed;
            job.Error = read.Error!.Describe();
            job.FinishedAt = clock.Now();
            return;
        }

        var rows = read.Value!;
        job.Status = ImportJobStatus.Running;
        job.Total = rows.Count;
        job.Processed = 0;
        await db.SaveChangesAsync(ct);

        var editor = ActivatorUtilities.CreateInstance<CatalogEditor>(services, new JobUser(job));
        var lastReport = DateTimeOffset.MinValue;
        var result = await editor.ImportAsync(rows, ct, async processed =>
        {
            // Publish progress about every 200 ms, in its own small transaction.
            if (clock.GetUtcNow() - lastReport < TimeSpan.FromMilliseconds(200) && processed < rows.Count)
            {
                return;
            }

            lastReport = clock.GetUtcNow();
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CatalogImportJob>()
                .Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Processed, processed), ct);
        });

        await db.Entry(job).ReloadAsync(ct);
        job.Processed = rows.Count;
        job.FinishedAt = clock.Now();
        if (result.IsSuccess)
        {
            job.Status = result.Value!.Rejected.Count == 0 ? ImportJobStatus.Succeeded : ImportJobStatus.Rejected;
            job.ReportJson = JsonSerializer.Serialize(result.Value, ServiceItemConfiguration.Json);
        }
        else
        {
            job.Status = ImportJobStatus.Failed;
            job.Error = result.Error!.Title;
        }
    }

    /// <summary>The requester, as recorded on the job: background work acts with their rights, not more.</summary>
    private sealed class JobUser(CatalogImportJob job) : ICurrentUser
    {
        private readonly HashSet<string> _roles = [.. job.RequestedByRoles.Split(',', StringSplitOptions.RemoveEmptyEntries)];

        public bool IsAuthenticated => true;

        public string? UserId => job.RequestedById;

        public string? UserName => null;

        public string? DisplayName => job.RequestedByName;

        public string? RegionCode => job.RegionCode;

        public string? DepartmentCode => job.RequestedByDepartment;

        public string? IdentityCode => null;

        public string? VerifiedIdentityCode => null;

        public bool IsStaff => true;

        public bool IsInRole(string role) => _roles.Contains(role);
    }
}

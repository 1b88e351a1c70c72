using Microsoft.Extensions.Options;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Projects.Features;
using OneWindow.Platform;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Projects;

/// <summary>工程建设项目: projects through four stages, joint reviews and site inspections, the project steward.</summary>
public static class ProjectsModule
{
    public static void AddProjectsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProjectsOptions>().Bind(builder.Configuration.GetSection("Projects"))
            .Validate(o => o.WarningShare is > 0 and < 1, "Projects:WarningShare must be between 0 and 1")
            .Validate(o => o.LimitDays.Values.All(d => d is > 0 and <= 1000), "Projects:LimitDays must be 1 to 1000 working days")
            .ValidateOnStart();
        builder.Services.AddScoped<Features.Projects>();
        builder.Services.AddScoped<JointReviews>();
        builder.Services.AddScoped<OneWindow.Platform.Files.IFileAccess, ReviewFileAccess>();
        builder.Services.AddScoped<IDemoSeeder, ProjectsDemoData>();
        builder.Services.AddScoped<ExpertPool>();
        builder.Services.AddScoped<IDemoSeeder, ExpertDemoData>();
        builder.Services.AddOutboxHandler<BundleSupplementRequested, ProjectWatch>();
        builder.Services.AddOutboxHandler<BundleDecided, ProjectWatch>();
        builder.Services.AddOutboxHandler<BundleStopped, ProjectWatch>();
        builder.Services.AddOutboxHandler<CaseDeadlineWarning, ProjectWatch>(ProjectWatch.Wants);
        builder.Services.AddOutboxHandler<CaseOverdue, ProjectWatch>(ProjectWatch.Wants);
        builder.Services.AddPeriodicJob<ProjectDeadlines>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ProjectsOptions>>().Value;
            return (o.DeadlineJob, o.DeadlineScanSeconds);
        });
    }

    public static void MapProjectsModule(this WebApplication app)
    {
        Features.Projects.Map(app);
        JointReviews.Map(app);
        ExpertPool.Map(app);
    }
}

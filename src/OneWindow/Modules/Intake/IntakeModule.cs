using OneWindow.Modules.Intake.Features;
using OneWindow.Platform;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Intake;

/// <summary>办件: submission, one-window acceptance, review, decision, completion, and the deadline job.</summary>
public static class IntakeModule
{
    public static void AddIntakeModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().Bind(builder.Configuration.GetSection("Intake"))
            .Validate(o => CaseNumbers.Problem(o.NumberFormat) is null, "Intake:NumberFormat must contain {region}, {date:…} and {seq:…} and make numbers of at most 40 characters")
            .Validate(o => o.WarningShare is > 0 and < 1, "Intake:WarningShare must be between 0 and 1")
            .ValidateOnStart();
        builder.Services.AddScoped<OneWindow.Platform.Cli.IDataGenerator, CaseGenerator>();
        builder.Services.AddScoped<OneWindow.Modules.Callbacks.Contracts.ICallbackSources, CallbackSource>();
        builder.Services.AddScoped<CaseMaterials>();
        builder.Services.AddScoped<SubmitCase>();
        builder.Services.AddScoped<InstantDecisions>();
        builder.Services.AddSingleton<CaseSubmissionWriter>();
        builder.Services.AddScoped<CaseActions>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<CaseTracking>();
        builder.Services.AddScoped<OneWindow.Modules.Intake.Contracts.ICaseRecords, OneWindow.Modules.Intake.Features.CaseRecords>();
        builder.Services.AddSingleton<OneWindow.Modules.Intake.Contracts.IBusiestItems, OneWindow.Modules.Intake.Features.BusiestItems>();
        builder.Services.AddSingleton(new Platform.Data.DeclaredSecret(Features.CaseTracking.SmsKeyName));
        builder.Services.AddScoped<OneWindow.Modules.Intake.Contracts.IApplicantContacts, OneWindow.Modules.Intake.Features.ApplicantContacts>();
        builder.Services.AddScoped<OneWindow.Platform.Files.IFileAccess, CaseFileAccess>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Accounts.Contracts.IdentityVerified, LinkVerifiedApplicant>();
        builder.Services.AddOutboxHandler<OneWindow.Platform.Calendar.CalendarYearPublished, RecomputeProvisionalDueDates>();
        // 文书: notices issued at the steps that require them, sealed, and checked on /verify like licences.
        builder.Services.AddScoped<Features.Notices.CaseNotices>();
        builder.Services.AddScoped<OneWindow.Modules.Licenses.Contracts.ISealedDocumentRegister>(sp => sp.GetRequiredService<Features.Notices.CaseNotices>());
        builder.Services.AddOutboxHandler<OneWindow.Modules.Intake.Contracts.CaseEvent, Features.Notices.IssueCaseNotices>(Features.Notices.IssueCaseNotices.Wants);
        // Messages written before the facts had types (ADR 0017) are delivered as today's facts.
        builder.Services.AddOutboxUpcaster(OldEventNames.CaseChanged, 1, OldEventNames.CaseEventOf);
        builder.Services.AddOutboxUpcaster(OldEventNames.BundleChanged, 1, OldEventNames.BundleEventOf);
        builder.Services.AddScoped<BundleSteps>();
        builder.Services.AddScoped<Bundles>();
        builder.Services.AddScoped<BundleApplications>();
        builder.Services.AddScoped<OneWindow.Modules.Intake.Contracts.IBundleIntake, BundleIntake>();
        builder.Services.AddScoped<OneWindow.Platform.IDemoSeeder, BundleDemoData>();
        builder.Services.AddScoped<OneWindow.Platform.IDemoSeeder, CaseDemoHistory>();
        builder.Services.AddPeriodicJob<CaseDeadlines>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value;
            return (o.DeadlineJob, o.DeadlineScanSeconds);
        });
    }

    public static void MapIntakeModule(this WebApplication app)
    {
        CaseTracking.Map(app);
        var cases = app.MapGroup("/api/v1/cases").WithTags("办件").RequireAuthorization();
        SubmitCase.Map(cases);
        CaseQueries.Map(cases);
        CaseActions.Map(cases);
        Features.Notices.CaseNotices.Map(cases, app);
        Bundles.Map(app);
        BundleApplications.Map(app);
    }
}

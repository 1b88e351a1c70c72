using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Supervision.Contracts;
using OneWindow.Modules.Supervision.Features;
using OneWindow.Platform;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Supervision;

/// <summary>审管联动, 告知承诺 post-checks, bans and credit marks (ADR 0024).</summary>
public static class SupervisionModule
{
    public static void AddSupervisionModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupervisionOptions>().Bind(builder.Configuration.GetSection("Supervision"))
            .Validate(o => o.ClaimWorkingDays is >= 1 and <= 30, "Supervision:ClaimWorkingDays must be 1 to 30 working days")
            .Validate(o => o.PostCheckWorkingDays is >= 1 and <= 365, "Supervision:PostCheckWorkingDays must be 1 to 365 working days")
            .Validate(o => o.PledgeBlockDays is >= 0 and <= 3650, "Supervision:PledgeBlockDays must be 0 to 3650 days")
            .ValidateOnStart();
        builder.Services.AddScoped<SupervisionItems>();
        builder.Services.AddScoped<PostChecks>();
        builder.Services.AddScoped<IApplicantStanding, ApplicantStanding>();
        builder.Services.AddOutboxHandler<CaseGranted, PushSupervisionItems>();
        builder.Services.AddOutboxHandler<LicenseSuspended, PushSupervisionItems>();
        builder.Services.AddOutboxHandler<LicenseRevoked, PushSupervisionItems>();
        builder.Services.AddPeriodicJob<AutoClaimJob>(sp =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SupervisionOptions>>().Value;
            return (o.AutoClaimJob, o.AutoClaimScanSeconds);
        });
    }

    public static void MapSupervisionModule(this WebApplication app) => SupervisionEndpoints.Map(app);
}

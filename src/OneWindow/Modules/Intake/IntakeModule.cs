using OneWindow.Modules.Intake.Features;

namespace OneWindow.Modules.Intake;

/// <summary>办件: submission, one-window acceptance, review, decision, completion.</summary>
public static class IntakeModule
{
    public static void AddIntakeModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SubmitCase>();
        builder.Services.AddScoped<CaseActions>();
    }

    public static void MapIntakeModule(this WebApplication app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("办件").RequireAuthorization();
        SubmitCase.Map(cases);
        CaseActions.Map(cases);
    }
}

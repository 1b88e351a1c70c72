using OneWindow.Modules.Accounts.Features;

namespace OneWindow.Modules.Accounts;

/// <summary>Sign-in, registration of citizens and enterprises, staff accounts.</summary>
public static class AccountsModule
{
    public static void AddAccountsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SignInHandler>();
        builder.Services.AddSingleton<SignInBackoff>();
        builder.Services.AddScoped<IdentityVerification>();
        builder.Services.AddScoped<RegisterHandler>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<Contracts.IStaffAccountRegistry, OneWindow.Modules.Accounts.Features.StaffAccountRegistry>();
        builder.Services.AddScoped<Platform.IDemoSeeder, AccountsDemoData>();
    }

    public static void MapAccountsModule(this WebApplication app)
    {
        SignInHandler.Map(app);
        RegisterHandler.Map(app);
        IdentityVerification.Map(app);
        StaffAccountEndpoints.Map(app);
    }
}

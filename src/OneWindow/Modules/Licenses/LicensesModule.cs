using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Features;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Licenses;

/// <summary>电子证照: e-seals, issuance on approval, credentials, 扫码亮证 and verification, revocation.</summary>
public static class LicensesModule
{
    public static void AddLicensesModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ESeals>();
        builder.Services.AddSingleton(new Platform.Data.DeclaredSecret(Domain.LicenseNumbers.HolderKeyName));
        builder.Services.AddScoped<OneWindow.Modules.Licenses.Contracts.ILicenseLibrary, OneWindow.Modules.Licenses.Features.LicenseLibrary>();
        builder.Services.AddScoped<LicenseVerifier>();
        builder.Services.AddScoped<OneWindow.Modules.Licenses.Contracts.ILicenseStanding, LicenseStanding>();
        builder.Services.AddScoped<OneWindow.Modules.Licenses.Contracts.IDocumentSeals, DocumentSeals>();
        builder.Services.AddSingleton<VerificationCache>();
        builder.Services.AddOutboxHandler<CaseGranted, IssueLicenses>();
        builder.Services.AddOutboxHandler<BundleDecided, IssueLicenses>();
    }

    public static void MapLicensesModule(this WebApplication app) => LicenseEndpoints.Map(app);
}

using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneWindow.Platform.Data;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.FriendlyName).HasMaxLength(200).IsRequired();
        b.Property(k => k.Xml).IsRequired();
    }
}

/// <summary>
/// The Data Protection key ring (cookies, bearer tokens, and through it the e-seal private keys and platform secrets)
/// is kept in the database so every instance shares it (Microsoft.AspNetCore.DataProtection.EntityFrameworkCore), and
/// encrypted there with a certificate that is not in the database: <c>DataProtection:CertificatePath</c> (a PKCS#12
/// file) and <c>DataProtection:CertificatePassword</c>. A copy of the database alone forges nothing. ADR 0016.
/// In Production the platform refuses to start without it, except as the embedded demo (SQLite with demo data), which
/// says loudly that its keys are not protected.
/// </summary>
public static class KeyRing
{
    public static void AddKeyRing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName("OneWindow").PersistKeysToDbContext<AppDbContext>();
        if (Certificate(configuration) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
            return;
        }

        var embeddedDemo = configuration.GetValue("Demo:Enabled", true)
                           && !string.Equals(configuration["Database:Provider"], "postgres", StringComparison.OrdinalIgnoreCase);
        if (environment.IsProduction() && !embeddedDemo)
        {
            throw new InvalidOperationException(
                "拒绝启动：生产环境必须配置密钥保护证书（DataProtection:CertificatePath 与 DataProtection:CertificatePassword）。" +
                " Refusing to start: in Production the key ring and e-seal keys must be encrypted with a certificate that is not in the database" +
                " (set DataProtection:CertificatePath and DataProtection:CertificatePassword; see docs/security/keys.md).");
        }
    }

    /// <summary>The loud line the embedded demo (or a development run) writes at start when its keys are not protected.</summary>
    public static void WarnIfUnprotected(IConfiguration configuration, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]))
        {
            logger.LogWarning(
                "!!! 演示模式：密钥环与电子印章私钥未加密存放在数据库中，任何拿到数据库副本的人都能伪造登录与证照。生产部署请配置 DataProtection:CertificatePath。" +
                " DEMO MODE: the key ring and e-seal keys are stored UNENCRYPTED in the database; configure DataProtection:CertificatePath for any real use. !!!");
        }
    }

    private static X509Certificate2? Certificate(IConfiguration configuration)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath 指向的证书文件不存在：{path}");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"],
            X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection:CertificatePath 的证书不含私钥，无法解密密钥环：{path}");
    }
}

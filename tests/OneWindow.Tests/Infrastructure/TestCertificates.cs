using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneWindow.Tests.Infrastructure;

/// <summary>A key-protection certificate as an operator would configure it (DataProtection:CertificatePath): a PKCS#12 file with a password.</summary>
public static class TestCertificates
{
    public const string Password = "key-ring-pass";

    private static readonly Lazy<string> File = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OneWindow key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), "onewindow-tests", $"keyring-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    });

    public static string PfxPath => File.Value;

    public static X509Certificate2 Load() => X509CertificateLoader.LoadPkcs12FromFile(PfxPath, Password, X509KeyStorageFlags.EphemeralKeySet);
}

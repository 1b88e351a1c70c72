using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Modules.Licenses.Features;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 5: a copy of the database does not give away the key ring or the e-seal keys.</summary>
public abstract class KeyRingTests(string provider)
{
    private static Dictionary<string, string?> WithCertificate => new()
    {
        ["DataProtection:CertificatePath"] = TestCertificates.PfxPath,
        ["DataProtection:CertificatePassword"] = TestCertificates.Password,
    };

    [Fact]
    public async Task The_key_ring_and_the_e_seal_keys_in_the_database_are_unreadable_without_the_configured_certificate()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string protectedSeal;
        List<string> ring;
        await using (var app = new TestApp(database, demo: false, settings: WithCertificate))
        {
            await using var scope = app.Scope();
            var seals = scope.ServiceProvider.GetRequiredService<ESeals>();
            var (_, key) = await seals.ActiveAsync("371600-SCJ", CancellationToken.None);
            key.Dispose();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            protectedSeal = await db.Set<SigningKey>().Where(k => k.DepartmentCode == "371600-SCJ").Select(k => k.ProtectedPrivateKey).SingleAsync();
            ring = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        }

        // What the database holds: keys whose secret part is encrypted to the certificate, no master key in clear.
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        // Whoever copies the database (and nothing else) cannot unprotect the e-seal key…
        var copy = Directory.CreateTempSubdirectory("onewindow-ring-");
        foreach (var (xml, i) in ring.Select((x, i) => (x, i)))
        {
            XElement.Parse(xml).Save(Path.Combine(copy.FullName, $"key-{i}.xml"));
        }

        var thief = DataProtectionProvider.Create(copy, b => b.SetApplicationName("OneWindow")).CreateProtector("OneWindow.Licenses.ESeal.v1");
        Assert.ThrowsAny<CryptographicException>(() => thief.Unprotect(protectedSeal));

        // …while the holder of the certificate can.
        var owner = DataProtectionProvider.Create(copy, b => b.SetApplicationName("OneWindow").UnprotectKeysWithAnyCertificate(TestCertificates.Load()))
            .CreateProtector("OneWindow.Licenses.ESeal.v1");
        Assert.NotEmpty(owner.Unprotect(protectedSeal));
        copy.Delete(recursive: true);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_the_certificate_but_the_embedded_demo_starts_and_says_so()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var clean = new ProductionApp(database, demo: false);
        var refused = Assert.ThrowsAny<Exception>(() => clean.Server);
        Assert.Contains("DataProtection:CertificatePath", refused.ToString(), StringComparison.Ordinal);

        if (provider == "sqlite")
        {
            await using var demo = new ProductionApp(database, demo: true);
            Assert.Equal(HttpStatusCode.OK, (await demo.CreateClient().GetAsync("/health")).StatusCode);
        }
    }

    private sealed class ProductionApp(TestDatabase database, bool demo) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Provider);
            builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

public sealed class KeyRingTestsOnSqlite() : KeyRingTests("sqlite");

public sealed class KeyRingTestsOnPostgres() : KeyRingTests("postgres");

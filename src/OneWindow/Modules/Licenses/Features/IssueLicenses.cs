using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Licenses.Contracts;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Licenses.Features;

/// <summary>
/// Approving a case whose item yields a licence issues it: the licence row, the vc+jwt credential and
/// the 扫码亮证 string, all signed with the issuing department's e-seal, in one unit of work with its
/// audit entry. Idempotent: one licence per case, however often the event arrives. A sub-case of a
/// bundle that issues jointly (十证联发) waits: its licence is issued with its siblings' when the bundle's
/// last item is decided (<see cref="BundleDecided"/>).
/// Delivered in groups (issue 19): each message's licence is its own rows, and what a group adds is counted (the
/// serial, the one-licence-per-case check), so a batch of grants is signed and stored in one unit of work and one commit.
/// </summary>
[DeliveredInGroups]
internal sealed class IssueLicenses(AppDbContext db, ICaseRecords cases, ICatalogQueries catalog, IDepartmentDirectory departments, ESeals seals, PlatformSecrets secrets, AuditTrail audit, TimeProvider clock)
    : IOutboxHandler<CaseGranted>, IOutboxHandler<BundleDecided>
{
    public async Task HandleAsync(CaseGranted e, OutboxDeliveryContext context, CancellationToken ct)
    {
        if (await cases.FindAsync(e.CaseId, ct) is { JointIssuance: false } c)
        {
            await IssueAsync(c, ct);
        }
    }

    /// <summary>十证联发: a bundle's last decision releases the licences of its granted sub-cases together.</summary>
    public async Task HandleAsync(BundleDecided e, OutboxDeliveryContext context, CancellationToken ct)
    {
        foreach (var id in e.GrantedCases ?? [])
        {
            if (await cases.FindAsync(id, ct) is { JointIssuance: true } c)
            {
                await IssueAsync(c, ct);
            }
        }
    }

    private async Task IssueAsync(CaseFacts c, CancellationToken ct)
    {
        if (db.Set<License>().Local.Any(l => l.CaseId == c.Id) || await db.Set<License>().AnyAsync(l => l.CaseId == c.Id, ct)
            || await catalog.VersionAsync(c.ItemVersionId, ct) is not { } item
            || LicenseTypes.Find(item.Definition.LicenseType) is not { } type)
        {
            return;
        }

        var issuer = await departments.FindAsync(c.DepartmentCode, ct);
        var today = clock.TodayInChina();
        // The identifier names issuer and holder, not the type: the serial counts every licence this
        // department issued to this holder (those added in this unit of work too: a bundle issues several at once).
        var serial = await db.Set<License>().CountAsync(l => l.HolderCode == c.ApplicantCode && l.IssuerDepartment == c.DepartmentCode, ct)
                     + db.Set<License>().Local.Count(l => l.HolderCode == c.ApplicantCode && l.IssuerDepartment == c.DepartmentCode) + 1;
        var license = new License
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            LicenseNumber = LicenseNumbers.Make(c.DepartmentCode, LicenseNumbers.HolderSegment(c.ApplicantKind, c.ApplicantCode, await secrets.GetAsync(LicenseNumbers.HolderKeyName, ct)), serial, 1),
            TypeCode = type.Code, TypeName = type.Name,
            IssuerDepartment = c.DepartmentCode, IssuerName = issuer?.Name ?? c.DepartmentCode, RegionCode = c.RegionCode, DecidedBy = c.DecidedBy,
            HolderKind = c.ApplicantKind, HolderName = c.ApplicantName, HolderCode = c.ApplicantCode, HolderUserId = c.ApplicantUserId,
            Fields = FormFacts.Labelled(item.Definition.Form, c.Form),
            ValidFrom = today, ValidUntil = type.ValidYears is { } years ? today.AddYears(years).AddDays(-1) : null,
            IssuedAt = clock.Now(), CaseId = c.Id, Status = LicenseStatus.Active,
        };

        var (kid, key) = await seals.ActiveAsync(c.DepartmentCode, ct);
        using (key)
        {
            license.Kid = kid;
            license.Credential = VcJwt.Sign(Credential(license), kid, key);
            license.QrPayload = LicenseQr.Encode(QrClaimsOf(license), System.Buffers.Text.Base64Url.DecodeFromChars(kid), key);
        }

        db.Add(license);
        audit.Record(new AuditRecord(license.RegionCode, "License", license.Id.ToString(), "LicenseIssued",
            new { license.LicenseNumber, license.TypeCode, caseId = c.Id, license.Kid }));
    }

    public static string IssuerId(string department) => "urn:onewindow:issuer:" + department;

    public static JsonObject Credential(License l)
    {
        var subject = new JsonObject
        {
            ["id"] = "urn:onewindow:holder:" + l.HolderCode,
            ["name"] = l.HolderName,
            ["identifier"] = l.HolderCode,
            ["licenseNumber"] = l.LicenseNumber,
            ["licenseType"] = l.TypeName,
        };
        foreach (var (label, value) in l.Fields)
        {
            subject[label] = value;
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "urn:uuid:" + l.Id,
            ["type"] = new JsonArray("VerifiableCredential", l.TypeCode),
            ["issuer"] = new JsonObject { ["id"] = IssuerId(l.IssuerDepartment), ["name"] = l.IssuerName },
            ["iss"] = IssuerId(l.IssuerDepartment),
            ["validFrom"] = l.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00+08:00",
            ["credentialSubject"] = subject,
            ["credentialStatus"] = new JsonObject { ["id"] = $"urn:onewindow:license-status:{l.Id}", ["type"] = "OneWindowLicenseStatus" },
        };
        if (l.ValidUntil is { } until)
        {
            credential["validUntil"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T23:59:59+08:00";
        }

        return credential;
    }

    public static QrClaims QrClaimsOf(License l) => new(
        l.IssuerName, l.LicenseNumber, l.TypeName, l.HolderName, Mask.IdentityCode(l.HolderCode),
        l.Fields, l.ValidFrom, l.ValidUntil, l.IssuedAt);
}

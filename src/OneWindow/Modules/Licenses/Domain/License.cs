namespace OneWindow.Modules.Licenses.Domain;

internal enum LicenseStatus
{
    Active,
    Suspended,
    Revoked,
}

/// <summary>An issuing department's e-seal: an ECDSA P-256 key. The private key is stored protected (ASP.NET Core Data Protection).</summary>
internal sealed class SigningKey
{
    /// <summary>base64url of the first 8 bytes of SHA-256 over the SubjectPublicKeyInfo.</summary>
    public string Kid { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    public byte[] PublicKey { get; set; } = [];

    public string ProtectedPrivateKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a newer key took over signing; the key stays published so earlier licences still verify.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>电子证照: one issued licence, with both signed encodings kept as issued.</summary>
internal sealed class License : OneWindow.Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    /// <summary>The licence identifier (1.2.156.3005.2.…), shown and carried in the QR.</summary>
    public string LicenseNumber { get; set; } = "";

    public string TypeCode { get; set; } = "";

    public string TypeName { get; set; } = "";

    public string IssuerDepartment { get; set; } = "";

    public string IssuerName { get; set; } = "";

    /// <summary>Who decided the approval it was issued on: the officer (独任审批师 or approver) or the system (系统（秒批）).</summary>
    public string? DecidedBy { get; set; }

    public string RegionCode { get; set; } = "";

    public string HolderKind { get; set; } = "";

    public string HolderName { get; set; } = "";

    public string HolderCode { get; set; } = "";

    public string? HolderUserId { get; set; }

    public Dictionary<string, string> Fields { get; set; } = [];

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public Guid CaseId { get; set; }

    public string Kid { get; set; } = "";

    /// <summary>The full credential, application/vc+jwt.</summary>
    public string Credential { get; set; } = "";

    /// <summary>The compact 扫码亮证 string (LC1:…).</summary>
    public string QrPayload { get; set; } = "";

    public LicenseStatus Status { get; set; }

    public string? StatusReason { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }

    public int Version { get; set; }
}

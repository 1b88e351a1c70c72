using OneWindow.Modules.Catalog.Contracts;
namespace OneWindow.Modules.Catalog.Domain;

internal enum ImportJobStatus
{
    Queued,
    Running,
    Succeeded,
    Rejected,
    Failed,
}

/// <summary>
/// A catalogue import running in the background, so a person can watch its progress. The file is
/// kept with the job; the job runs as the person who started it (their roles decide what they may change).
/// </summary>
internal sealed class CatalogImportJob
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public string FileName { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string RequestedById { get; set; } = "";

    public string RequestedByName { get; set; } = "";

    /// <summary>Comma-separated roles of the requester when the job was started.</summary>
    public string RequestedByRoles { get; set; } = "";

    public string? RequestedByDepartment { get; set; }

    public ImportJobStatus Status { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    /// <summary>The import report (counts, or the rejected rows) as JSON once finished.</summary>
    public string? ReportJson { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

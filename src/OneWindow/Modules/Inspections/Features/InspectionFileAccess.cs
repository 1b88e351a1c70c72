using OneWindow.Platform.Files;

namespace OneWindow.Modules.Inspections.Features;

/// <summary>A photo or recording of an inspection is readable by whoever may see the inspection.</summary>
internal sealed class InspectionFileAccess(InspectionWork work) : IFileAccess
{
    public Task<bool> MaySeeAsync(Guid fileId, CancellationToken ct) => work.MaySeeFileAsync(fileId, ct);
}

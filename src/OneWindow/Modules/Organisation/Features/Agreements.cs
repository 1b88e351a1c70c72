using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Modules.Organisation.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Organisation.Features;

/// <summary>跨域通办 agreements: read by anyone (where can I do this), asked by Intake when a counter accepts another region's item.</summary>
internal sealed class Agreements(AppDbContext db) : IAgreements
{
    public async Task<AgreementInfo?> CoveringAsync(string ownerRegion, string acceptingRegion, string basicCode, CancellationToken ct = default) =>
        (await db.Set<Agreement>().AsNoTracking()
            .Where(a => (a.RegionA == ownerRegion && a.RegionB == acceptingRegion) || (a.RegionA == acceptingRegion && a.RegionB == ownerRegion)).ToListAsync(ct))
        .Where(a => a.ItemCodes.Contains(basicCode)).Select(Info).FirstOrDefault();

    public async Task<IReadOnlyList<AgreementInfo>> ListAsync(string? region, CancellationToken ct = default)
    {
        var q = db.Set<Agreement>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            q = q.Where(a => a.RegionA == region || a.RegionB == region);
        }

        return [.. (await q.OrderBy(a => a.Since).ThenBy(a => a.Name).ToListAsync(ct)).Select(Info)];
    }

    private static AgreementInfo Info(Agreement a) => new(a.Id, a.Name, a.Scope, a.RegionA, a.RegionAName, a.RegionB, a.RegionBName, a.ItemCodes, a.Since);

    public static void Map(WebApplication app) =>
        app.MapGet("/api/v1/agreements", async Task<Ok<IReadOnlyList<AgreementInfo>>> (string? region, Agreements a, CancellationToken ct) => TypedResults.Ok(await a.ListAsync(region, ct)))
            .AllowAnonymous().WithTags("跨域通办").WithSummary("跨域通办协议：双方互相代收代办的事项（基本目录编码）；region= 只列涉及该地区的");
}

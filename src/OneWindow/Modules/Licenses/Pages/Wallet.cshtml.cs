using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Licenses.Pages;

/// <summary>证照夹: the holder's licences (/my/licenses) and one licence shown for 扫码亮证 (/my/licenses/{id}).</summary>
[Authorize]
internal sealed class WalletModel(AppDbContext db, ICurrentUser user, TimeProvider clock) : PageModel
{
    /// <summary>Today in China: a licence past its validity shows as 已过期.</summary>
    public DateOnly Today { get; } = clock.TodayInChina();

    public IReadOnlyList<License> Licenses { get; private set; } = [];

    public License? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var own = user.VerifiedIdentityCode;
        Licenses = await db.Set<License>().AsNoTracking()
            .Where(l => l.HolderUserId == user.UserId || (own != null && l.HolderCode == own))
            .OrderByDescending(l => l.IssuedAt).ToListAsync(ct);
        if (id is { } shown)
        {
            Shown = Licenses.FirstOrDefault(l => l.Id == shown);
            if (Shown is null)
            {
                return NotFound();
            }
        }

        return Page();
    }
}

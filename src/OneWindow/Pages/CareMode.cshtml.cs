using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Platform.Web;

namespace OneWindow.Pages;

/// <summary>The switch: <c>GET /care-mode?on=true&amp;back=/guide/…</c> sets (or clears) the cookie and returns to the page it came from.</summary>
public sealed class CareModeModel : PageModel
{
    public IActionResult OnGet(bool on, string? back)
    {
        if (on)
        {
            Response.Cookies.Append(CareMode.Cookie, "1", new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true,
            });
        }
        else
        {
            Response.Cookies.Delete(CareMode.Cookie);
        }

        // Only back to a page of ours: never an open redirect.
        return LocalRedirect(back is not null && Url.IsLocalUrl(back) ? back : "/");
    }
}

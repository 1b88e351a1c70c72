using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneWindow.Pages;

/// <summary>
/// 关怀模式, after the national 适老化 rules for government websites (互联网网站适老化通用设计规范): larger type, wider
/// line spacing, high contrast, underlined links, and the secondary parts of a page left out (<c>ow-care-hide</c>).
/// It is a preference, not a permission: a cookie any visitor may set, read by the layouts.
/// </summary>
public static class CareMode
{
    public const string Cookie = "ow-care";

    public static bool IsOn(HttpRequest request) => request.Cookies[Cookie] == "1";
}

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

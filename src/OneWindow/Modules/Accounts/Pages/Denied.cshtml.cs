using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneWindow.Modules.Accounts.Pages;

internal sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Features;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>The "new item" form posts a code here when JavaScript is off; it forwards to the edit page.</summary>
[Authorize(Policy = ManageItems.EditorPolicy)]
internal sealed class NewItemModel : PageModel
{
    public IActionResult OnGet(string? code) =>
        string.IsNullOrWhiteSpace(code) ? Redirect("/admin/items") : Redirect($"/admin/items/{Uri.EscapeDataString(code.Trim().ToUpperInvariant())}/edit");
}

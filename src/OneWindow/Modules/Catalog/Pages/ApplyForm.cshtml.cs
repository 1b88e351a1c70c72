using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Features;
using OneWindow.Platform.IdentityCodes;

namespace OneWindow.Modules.Catalog.Pages;

/// <summary>An item's form rendered from its schema and checked on the server by the same validator as the API.</summary>
internal sealed class ApplyFormModel(ItemReader reader, ICatalogQueries catalog, DivisionRegistry divisions, TimeProvider clock) : PageModel
{
    public ItemDetail? Item { get; private set; }

    public Dictionary<string, string[]> Values { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool Valid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var item = await reader.GetAsync(code, null, includeDrafts: false, ct);
        if (!item.IsSuccess)
        {
            return NotFound();
        }

        Item = item.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var found = await OnGetAsync(code, ct);
        if (Item is null)
        {
            return found;
        }

        Values = FormFieldsView.Posted(Item.Form, Request.Form);
        var result = await ValidateForm.CheckAsync(catalog, code, Values, divisions, clock, ct);
        Valid = result.IsSuccess;
        Errors = result.Error?.Fields ?? new Dictionary<string, string[]>();
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Organisation.Contracts;
using OneWindow.Platform;

namespace OneWindow.Pages;

public sealed class SearchModel(DepartmentDirectory directory) : PageModel
{
    public static readonly (string Code, string Name)[] Regions =
        [(DemoCity.City, "滨州市（市本级）"), (DemoCity.Bincheng, "滨城区"), (DemoCity.Huimin, "惠民县")];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<DepartmentInfo> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await directory.SearchAsync(Q, Region, PageNumber, 20, ct);
}

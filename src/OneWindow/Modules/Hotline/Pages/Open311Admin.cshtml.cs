using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features.Open311;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>Open311 客户端: administrators issue a client's api_key (shown on this answer only) and revoke it.</summary>
[Authorize(Policy = Policies.Admin)]
internal sealed class Open311AdminModel(Open311Clients clients) : HotlinePage
{
    public IReadOnlyList<ClientView> Clients { get; private set; } = [];

    public IssuedClient? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Clients = await clients.ListAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(string? name, CancellationToken ct)
    {
        var r = await clients.IssueAsync(new ClientInput(name), ct);
        if (r.IsSuccess)
        {
            Issued = r.Value;
        }
        else
        {
            Refused(r.Error!);
        }

        Clients = await clients.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var r = await clients.RevokeAsync(id, ct);
        Message = r.IsSuccess ? $"已停用 {r.Value!.Name} 的 api_key" : r.Error!.Title;
        return Redirect("/admin/open311");
    }
}

using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>One 知识库 article with its revisions; agents and administrators revise it here (the version the page showed guards the edit).</summary>
internal sealed class ArticleModel(Knowledge knowledge, ICurrentUser user) : HotlinePage
{
    [FromRoute]
    public Guid Id { get; set; }

    public ArticleView? Article { get; private set; }

    public bool MayWrite => user.IsInRole(Roles.HotlineAgent) || user.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Article = (await knowledge.GetAsync(Id, ct)).Value;
        return Article is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? title, string? body, string? categoryCode, int version, CancellationToken ct)
    {
        var r = await knowledge.ReviseAsync(Id, new ArticleInput(title, body, categoryCode), version, ct);
        if (r.IsSuccess)
        {
            Message = $"已保存为第 {r.Value!.Revision} 版";
            return Redirect($"/hotline/knowledge/{Id}");
        }

        Article = (await knowledge.GetAsync(Id, ct)).Value;
        if (Article is null)
        {
            return NotFound();
        }

        Refused(r.Error!);
        return Page();
    }
}

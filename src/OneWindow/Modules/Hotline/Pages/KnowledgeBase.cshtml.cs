using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>12345 知识库: anyone searches the centre's answers and the catalogue's guides; agents and administrators write new articles here.</summary>
internal sealed class KnowledgeBaseModel(Knowledge knowledge, ICurrentUser user) : HotlinePage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? CategoryCode { get; set; }

    public KnowledgeResults? Results { get; private set; }

    public bool MayWrite => user.IsInRole(Roles.HotlineAgent) || user.IsInRole(Roles.Admin);

    private async Task LoadAsync(CancellationToken ct) => Results = (await knowledge.SearchAsync(Q, 30, ct)).Value;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await knowledge.CreateAsync(new ArticleInput(Title, Body, CategoryCode), ct);
        if (r.IsSuccess)
        {
            Message = "已发布：" + r.Value!.Title;
            return Redirect($"/hotline/knowledge/{r.Value.Id}");
        }

        await LoadAsync(ct);
        Refused(r.Error!);
        return Page();
    }
}

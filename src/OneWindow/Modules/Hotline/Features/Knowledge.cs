using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Hotline.Features;

internal sealed record ArticleInput(string? Title, string? Body, string? CategoryCode);

internal sealed record ArticleHit(Guid Id, string Title, string Excerpt, string? CategoryCode, string? Category, int Revision, DateTimeOffset UpdatedAt);

internal sealed record KnowledgeResults(IReadOnlyList<ArticleHit> Articles, IReadOnlyList<GuideHit> Guides);

internal sealed record RevisionView(int Revision, string Title, string Body, DateTimeOffset SavedAt, string SavedBy);

internal sealed record ArticleView(Guid Id, string Title, string Body, string? CategoryCode, string? Category, int Revision, DateTimeOffset UpdatedAt, string UpdatedBy,
    IReadOnlyList<RevisionView> Revisions, int Version);

/// <summary>
/// The 12345 知识库 (GB/T 33358-2016): the centre's FAQ articles, written and revised by agents (each save a kept revision),
/// searched together with the catalogue's 办事指南 (through <see cref="ICatalogQueries"/>). Articles are public answers:
/// anyone may search and read them; agents and administrators write them.
/// </summary>
internal sealed class Knowledge(AppDbContext db, ICatalogQueries catalog, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    private static Error NotFound => Error.NotFound("knowledge:not-found", "知识库中没有这篇文章");

    /// <summary>Articles ranked by the word pairs they share with the question (a title's count thrice), then the catalogue's guides.</summary>
    public async Task<Result<KnowledgeResults>> SearchAsync(string? q, int take, CancellationToken ct)
    {
        q = q?.Trim() ?? "";
        if (q.Length > 100)
        {
            return Error.Field("q", "搜索词最多 100 个字");
        }

        take = Math.Clamp(take, 1, 50);
        var articles = await db.Set<KnowledgeArticle>().AsNoTracking().ToListAsync(ct);
        var words = Bigrams.Of(q);
        var ranked = q.Length == 0
            ? articles.OrderByDescending(a => a.UpdatedAt).Take(take)
            : articles.Select(a => (a, Score: Score(a, q, words))).Where(x => x.Score > 0).OrderByDescending(x => x.Score).ThenByDescending(x => x.a.UpdatedAt)
                .Take(take).Select(x => x.a);
        var guides = q.Length == 0 ? [] : await catalog.SearchGuidesAsync(q, 5, ct);
        return new KnowledgeResults([.. ranked.Select(Hit)], guides);
    }

    private static double Score(KnowledgeArticle a, string q, IReadOnlySet<string> words)
    {
        var exact = a.Title.Contains(q, StringComparison.OrdinalIgnoreCase) ? 10 : a.Body.Contains(q, StringComparison.OrdinalIgnoreCase) ? 4 : 0;
        if (words.Count == 0)
        {
            return exact;
        }

        var title = Bigrams.Of(a.Title);
        var body = Bigrams.Of(a.Body);
        return exact + (3.0 * words.Count(title.Contains) + words.Count(body.Contains)) / words.Count;
    }

    private static ArticleHit Hit(KnowledgeArticle a) =>
        new(a.Id, a.Title, a.Body.Length > 80 ? a.Body[..80] + "…" : a.Body, a.CategoryCode, a.CategoryCode is null ? null : HotlineCategories.PathOf(a.CategoryCode), a.Revision, a.UpdatedAt);

    public async Task<Result<ArticleView>> GetAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Set<KnowledgeArticle>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? NotFound : await ViewAsync(a, ct);
    }

    private async Task<ArticleView> ViewAsync(KnowledgeArticle a, CancellationToken ct)
    {
        var revisions = await db.Set<KnowledgeRevision>().AsNoTracking().Where(r => r.ArticleId == a.Id).OrderByDescending(r => r.Revision).ToListAsync(ct);
        return new ArticleView(a.Id, a.Title, a.Body, a.CategoryCode, a.CategoryCode is null ? null : HotlineCategories.PathOf(a.CategoryCode), a.Revision, a.UpdatedAt,
            a.UpdatedByName, [.. revisions.Select(r => new RevisionView(r.Revision, r.Title, r.Body, r.SavedAt, r.SavedByName))], a.Version);
    }

    private bool MayWrite => user.IsInRole(Roles.HotlineAgent) || user.IsInRole(Roles.Admin);

    public async Task<Result<ArticleView>> CreateAsync(ArticleInput input, CancellationToken ct)
    {
        if (!MayWrite)
        {
            return Error.Forbidden("knowledge:forbidden", "知识库由 12345 热线坐席和管理员维护");
        }

        if (Check(input) is { } bad)
        {
            return bad;
        }

        var now = clock.Now();
        var a = new KnowledgeArticle { Id = Guid.CreateVersion7(now), RegionCode = user.RegionCode ?? DemoCity.City };
        return await SaveAsync(a, input, now, isNew: true, ct);
    }

    /// <summary>A revision: the article now reads as given; the earlier text stays among its revisions. If-Match guards a stale edit.</summary>
    public async Task<Result<ArticleView>> ReviseAsync(Guid id, ArticleInput input, int? version, CancellationToken ct)
    {
        if (!MayWrite)
        {
            return Error.Forbidden("knowledge:forbidden", "知识库由 12345 热线坐席和管理员维护");
        }

        var a = await db.Set<KnowledgeArticle>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return NotFound;
        }

        if (version is { } v && v != a.Version)
        {
            return Error.StaleWrite;
        }

        return Check(input) ?? await SaveAsync(a, input, clock.Now(), isNew: false, ct);
    }

    private static Error? Check(ArticleInput input)
    {
        var errors = new FieldErrors();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is < 4 or > 100 || TextRules.NameProblem(title, 100) is not null)
        {
            errors.Add("title", "标题 4–100 字，不含换行");
        }

        var body = input.Body?.Trim() ?? "";
        if (body.Length is < 10 or > 4000 || TextRules.TextProblem(body, 4000) is not null)
        {
            errors.Add("body", "正文 10–4000 字");
        }

        if (!string.IsNullOrWhiteSpace(input.CategoryCode) && HotlineCategories.Find(input.CategoryCode.Trim()) is null)
        {
            errors.Add("categoryCode", "诉求分类不存在");
        }

        return errors.Any ? errors.ToError("knowledge:invalid", "知识库文章有误") : null;
    }

    private async Task<Result<ArticleView>> SaveAsync(KnowledgeArticle a, ArticleInput input, DateTimeOffset now, bool isNew, CancellationToken ct)
    {
        (a.Title, a.Body, a.CategoryCode, a.Revision, a.UpdatedAt, a.UpdatedByName) =
            (input.Title!.Trim(), input.Body!.Trim(), string.IsNullOrWhiteSpace(input.CategoryCode) ? null : input.CategoryCode.Trim(), a.Revision + 1, now, user.DisplayName ?? "");
        if (isNew)
        {
            db.Add(a);
        }

        db.Add(new KnowledgeRevision { Id = Guid.CreateVersion7(now), ArticleId = a.Id, Revision = a.Revision, Title = a.Title, Body = a.Body, SavedAt = now, SavedByName = a.UpdatedByName });
        audit.Record(new AuditRecord(a.RegionCode, "KnowledgeArticle", a.Id.ToString(), isNew ? "KnowledgeArticleWritten" : "KnowledgeArticleRevised", new { a.Title, a.Revision }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleWrite;
        }

        return await ViewAsync(a, ct);
    }
}

using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Domain;

/// <summary>
/// A 知识库 article (GB/T 33358-2016): the answer the centre gives to a question people keep asking. Edits make a new
/// revision (<see cref="KnowledgeRevision"/>); an order answered from it records which article and revision answered it.
/// </summary>
internal sealed class KnowledgeArticle : IVersioned
{
    public Guid Id { get; set; }

    public string RegionCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The 诉求分类 it answers, where one fits.</summary>
    public string? CategoryCode { get; set; }

    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedByName { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>One saved revision of an article, kept as it was: what an agent read out on a given day can be looked up later.</summary>
internal sealed class KnowledgeRevision
{
    public Guid Id { get; set; }

    public Guid ArticleId { get; set; }

    public int Revision { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public string SavedByName { get; set; } = "";
}

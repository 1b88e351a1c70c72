using OneWindow.Platform;

namespace OneWindow.Modules.Ratings.Pages;

/// <summary>What the rating form shows: the ticket's phone secret (if any), the comment so far, the field errors.</summary>
internal sealed record RatingFormView(string? Code, string? Comment, FieldErrors Errors, Guid? Ticket = null)
{
    public const string Partial = "/Modules/Ratings/Pages/_RatingForm.cshtml";

    /// <summary>The page handler the form posts to (the kiosk's <c>rate</c>), or none.</summary>
    public string? Handler { get; init; }

    /// <summary>The usual reasons of a bad rating (差评原因), offered as boxes to tick.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["服务态度不好", "等候时间太长", "一次性告知不清楚", "办事效率低", "要求提交不必要的材料", "环境设施不便"];

    /// <summary>The ticked reasons and the free text, as one comment.</summary>
    public static string? Compose(IEnumerable<string>? reasons, string? text)
    {
        var parts = (reasons ?? []).Where(Reasons.Contains).ToList();
        if (!string.IsNullOrWhiteSpace(text))
        {
            parts.Add(text.Trim());
        }

        return parts.Count == 0 ? null : string.Join("；", parts);
    }
}

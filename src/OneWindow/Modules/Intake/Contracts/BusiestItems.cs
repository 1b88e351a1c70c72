namespace OneWindow.Modules.Intake.Contracts;

/// <summary>An item and how many cases were filed for it in the last <see cref="IBusiestItems.Days"/> days.</summary>
public sealed record ItemCaseCount(string ItemCode, string ItemName, int Cases);

/// <summary>热门事项: the items most applied for lately, from the cases themselves (refreshed every few minutes).</summary>
public interface IBusiestItems
{
    const int Days = 30;

    Task<IReadOnlyList<ItemCaseCount>> TopAsync(int take, CancellationToken ct = default);
}

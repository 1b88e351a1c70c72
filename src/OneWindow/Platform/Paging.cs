namespace OneWindow.Platform;

/// <summary>One page of a listing, as every list endpoint and page returns it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public static Page<T> Empty(int pageSize) => new([], 0, 1, pageSize);
}

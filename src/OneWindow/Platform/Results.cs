namespace OneWindow.Platform;

/// <summary>How an error maps onto HTTP: the kind decides the status code, the code the problem type.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    Locked,
    Unprocessable,
    TooManyRequests,
}

/// <summary>
/// A typed, expected failure. <see cref="Code"/> is stable (it becomes <c>urn:onewindow:{Code}</c>),
/// <see cref="Title"/> is Chinese, for people. <see cref="Fields"/> carries per-field messages.
/// </summary>
public sealed record Error(string Code, string Title, ErrorKind Kind, IReadOnlyDictionary<string, string[]>? Fields = null, string? Detail = null)
{
    /// <summary>The refusal as one sentence for a page: the title, then every field message.</summary>
    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: how long to wait (sent as Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public string Describe() => Fields is { Count: > 0 } fields ? Title + "：" + string.Join("；", fields.SelectMany(f => f.Value)) : Title;

    public static Error Validation(string code, string title, IReadOnlyDictionary<string, string[]> fields) =>
        new(code, title, ErrorKind.Validation, fields);

    public static Error Field(string field, string message) =>
        new("validation", "提交的内容有误", ErrorKind.Validation, new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string code, string title) => new(code, title, ErrorKind.NotFound);

    public static Error Conflict(string code, string title, string? detail = null) => new(code, title, ErrorKind.Conflict, null, detail);

    public static Error Forbidden(string code, string title) => new(code, title, ErrorKind.Forbidden);

    public static readonly Error StaleWrite = Conflict(
        "concurrency:stale", "数据已被他人修改，请刷新后重试");
}

public readonly record struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Ok() => new(null);

    public static implicit operator Result(Error error) => new(error);

    public static Result Fail(Error error) => new(error);
}

public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);

    public static Result<T> Fail(Error error) => new(default, error);
}

/// <summary>Collects field errors so a form is answered all at once, not one field at a time.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Takes over an error's field messages (under <paramref name="prefix"/>), each message once per field.</summary>
    public FieldErrors AddAll(Error? error, string prefix = "")
    {
        foreach (var (field, messages) in error?.Fields ?? new Dictionary<string, string[]>())
        {
            foreach (var m in messages.Where(m => !Of(prefix + field).Contains(m)))
            {
                Add(prefix + field, m);
            }
        }

        return this;
    }

    /// <summary>The messages of one field (none when it is fine).</summary>
    public IReadOnlyList<string> Of(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    /// <summary>Fields whose name starts with <paramref name="prefix"/>, with the prefix removed (form.uscc → uscc).</summary>
    public IReadOnlyDictionary<string, string[]> Under(string prefix) =>
        _errors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public Error ToError(string code = "validation", string title = "提交的内容有误") =>
        Error.Validation(code, title, _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
}

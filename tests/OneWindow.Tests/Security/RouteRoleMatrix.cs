using System.Text;
using System.Text.RegularExpressions;

namespace OneWindow.Tests.Security;

/// <summary>
/// Every route of the OpenAPI document × every role (and anonymous), called with placeholder ids and an empty body, against
/// the policy table in docs/security/access.md: ✓ = let in (never 401/403), ✗ = refused at the door (401 anonymous, 403
/// signed in), ○ = let in, and the resource's own rule decides (its tests show which record; here: no 401, no 5xx),
/// 🔑 = not signed in at all: the route's own API key decides (Open311: 403 without a valid key, never 401).
/// No route may answer 5xx to anyone. Every route must be in the table, and every row of the table must be a route.
/// </summary>
public static partial class RouteRoleMatrix
{
    public static readonly (string Column, string? User)[] Principals =
    [
        ("anonymous", null), ("Applicant", "citizen"), ("Admin", "admin"), ("HallGuide", "guide"), ("IntakeClerk", "clerk"),
        ("Reviewer", "reviewer.scj"), ("Approver", "approver.scj"), ("DepartmentHead", "head.scj"), ("HotlineAgent", "hotline"),
        ("Supervisor", "supervisor"),
    ];

    public static string TablePath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "security", "access.md"));

    [GeneratedRegex(@"^\|\s*`(GET|POST|PUT|DELETE|PATCH) ([^`]+)`\s*\|(.*)\|\s*$")]
    private static partial Regex Row();

    /// <summary>The table: (method, path) → one mark per principal, in <see cref="Principals"/> order.</summary>
    public static Dictionary<(string Method, string Path), string[]> ReadTable()
    {
        var table = new Dictionary<(string, string), string[]>();
        foreach (var line in File.ReadLines(TablePath()))
        {
            var m = Row().Match(line);
            if (m.Success)
            {
                var marks = m.Groups[3].Value.Split('|').Select(c => c.Trim()).ToArray();
                table[(m.Groups[1].Value, m.Groups[2].Value)] = marks;
            }
        }

        return table;
    }

    public static string Fill(string path) =>
        path.Replace("{code}", "XK-SCJ-004", StringComparison.Ordinal).Replace("{department}", "371600-NONE", StringComparison.Ordinal)
            .Replace("{year}", "2099", StringComparison.Ordinal).Replace("{number}", "1", StringComparison.Ordinal)
            .Replace("{id}", "0193a000-0000-7000-8000-0000000000ff", StringComparison.Ordinal)
            .Replace("{hallId}", "0193a000-0000-7000-8000-0000000000fe", StringComparison.Ordinal)
            .Replace("{counterId}", "0193a000-0000-7000-8000-0000000000fd", StringComparison.Ordinal)
            .Replace("{ticketId}", "0193a000-0000-7000-8000-0000000000fc", StringComparison.Ordinal)
            .Replace("{noticeId}", "0193a000-0000-7000-8000-0000000000fb", StringComparison.Ordinal);

    public static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Null when the status fits the mark, else what is wrong.</summary>
    public static string? Check(string mark, bool anonymous, int status) => mark switch
    {
        _ when status >= 500 => $"answered {status}",
        "✓" when status is 401 or 403 => $"refused ({status}) but the table lets it in",
        "✗" when anonymous && status != 401 => $"answered {status}, the table refuses anonymous callers (401)",
        "✗" when !anonymous && status != 403 => $"answered {status}, the table refuses this role (403)",
        "○" when status == 401 && !anonymous => "answered 401 to a signed-in caller",
        "○" when anonymous => "○ is for signed-in roles; anonymous is ✓ or ✗",
        "🔑" when status == 401 => "answered 401; an API-key route answers 403 without its key",
        "🔑" => null,
        "✓" or "✗" or "○" => null,
        _ => $"unknown mark '{mark}'",
    };
}

using System.Text.RegularExpressions;

namespace OneWindow.Tests.Integration;

/// <summary>
/// The served OpenAPI document as outside tools read it (ADR 0027): Redocly's recommended rules with no error, and one
/// enum convention (camelCase) in the document's schemas and in every JSON answer of a crawl through the API.
/// </summary>
public abstract partial class ApiContractTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static readonly string[] Accounts =
        ["admin", "supervisor", "clerk", "approver.scj", "head.scj", "hotline", "handler.zjj", "steward", "callback", "postal", "citizen", "enterprise"];

    [Fact]
    public async Task Redocly_lints_the_served_document_with_no_error()
    {
        var document = Path.Combine(Path.GetTempPath(), "onewindow-openapi-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(document, await (await App.Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        try
        {
            var report = await IndependentVerifiers.RedoclyLintAsync(document, Path.Combine(Repository.Root, "docs", "api", "redocly.yaml"));
            var errors = report.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => p.GetProperty("ruleId").GetString() + " " + p.GetProperty("message").GetString() + " at " + p.GetProperty("location")[0].GetProperty("pointer").GetString())
                .ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            // It read the whole document: every operation was there to lint.
            Assert.True(report.GetProperty("totals").GetProperty("warnings").GetInt32() < 10);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task Every_operation_names_its_id_security_and_problem_responses()
    {
        var doc = await Http.Json(await App.Anonymous().GetAsync("/openapi/v1.json"));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                var id = op.Value.GetProperty("operationId").GetString()!;
                Assert.Matches("^[a-z][A-Za-z0-9]+$", id);
                Assert.True(ids.Add(id), "operationId twice: " + id);
                Assert.True(op.Value.TryGetProperty("security", out _), $"{op.Name} {path.Name} has no security requirement");
            }
        }

        var approve = doc.GetProperty("paths").GetProperty("/api/v1/cases/{id}/approve").GetProperty("post");
        Assert.Equal("approveCase", approve.GetProperty("operationId").GetString());
        Assert.Equal("#/components/responses/Conflict", approve.GetProperty("responses").GetProperty("409").GetProperty("$ref").GetString());
        Assert.True(approve.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal(2, approve.GetProperty("security").GetArrayLength()); // bearer or cookie, nothing open
        var conflict = doc.GetProperty("components").GetProperty("responses").GetProperty("Conflict").GetProperty("description").GetString()!;
        Assert.Contains("urn:onewindow:case:changed", conflict, StringComparison.Ordinal);
        Assert.Contains("urn:onewindow:validation", doc.GetProperty("components").GetProperty("responses").GetProperty("BadRequest").GetProperty("description").GetString()!, StringComparison.Ordinal);
        var health = doc.GetProperty("paths").GetProperty("/health").GetProperty("get");
        Assert.Empty(health.GetProperty("security")[0].EnumerateObject()); // open to anyone
        var pdf = doc.GetProperty("paths").GetProperty("/api/v1/licenses/{id}/pdf").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal("binary", pdf.GetProperty("application/pdf").GetProperty("schema").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Every_enum_in_the_document_and_in_every_answer_of_a_crawl_is_camel_case()
    {
        var doc = await Http.Json(await App.Anonymous().GetAsync("/openapi/v1.json"));
        var badInSchemas = new List<string>();
        Walk(doc.GetProperty("components"), "#/components", (path, element) =>
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("enum", out var values))
            {
                badInSchemas.AddRange(values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String && !CamelCase().IsMatch(v.GetString()!))
                    .Select(v => path + ": " + v.GetString()));
            }
        });
        Assert.True(badInSchemas.Count == 0, string.Join("\n", badInSchemas));

        // A full run first: a case through to its licence, so the crawl meets issued licences and completed cases too.
        var citizen = await App.SignedIn("citizen");
        await Applications.CompletedBusinessRegistrationAsync(citizen, await App.SignedIn("clerk"), await App.SignedIn("approver.scj"));

        // Every enum member's PascalCase name: an answer carrying one wrote an enum by ToString() instead of the convention.
        var pascal = typeof(Program).Assembly.GetTypes().Where(t => t.IsEnum).SelectMany(Enum.GetNames)
            .Where(n => char.IsUpper(n[0]) && n.Length > 1).ToHashSet(StringComparer.Ordinal);
        var templates = doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal) && p.Value.TryGetProperty("get", out _))
            .Select(p => p.Name).ToList();
        var bad = new SortedSet<string>(StringComparer.Ordinal);
        var answers = 0;
        foreach (var account in Accounts)
        {
            var client = await App.SignedIn(account);
            var seen = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var template in templates.OrderBy(t => t.Count(c => c == '{')))
            {
                foreach (var url in await ExpandAsync(client, template, seen))
                {
                    if (await GetJsonAsync(client, url) is not { } json)
                    {
                        continue;
                    }

                    seen[url] = json;
                    answers++;
                    Walk(json, url, (path, element) =>
                    {
                        if (element.ValueKind == JsonValueKind.String && pascal.Contains(element.GetString()!))
                        {
                            bad.Add($"{Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")} = {element.GetString()}");
                        }
                    });
                }
            }
        }

        Assert.True(answers > 150, $"the crawl read only {answers} answers");
        Assert.True(bad.Count == 0, "PascalCase enum values in answers:\n" + string.Join("\n", bad.Take(1000)));
    }

    /// <summary>The URLs a template stands for: its parameters filled, left to right, from the first entries its parent path listed.</summary>
    private static async Task<List<string>> ExpandAsync(HttpClient client, string template, Dictionary<string, JsonElement> seen)
    {
        var at = template.IndexOf('{', StringComparison.Ordinal);
        if (at < 0)
        {
            return [template];
        }

        var end = template.IndexOf('}', at);
        var name = template[(at + 1)..end];
        var parent = template[..(at - 1)];
        if (!seen.TryGetValue(parent, out var list))
        {
            if (parent.Contains('{', StringComparison.Ordinal) || await GetJsonAsync(client, parent) is not { } fetched)
            {
                return [];
            }

            seen[parent] = list = fetched;
        }

        var entries = list.ValueKind == JsonValueKind.Array ? list
            : list.ValueKind == JsonValueKind.Object && list.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items
            : default;
        if (entries.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var key = name == "id" || name.EndsWith("Id", StringComparison.Ordinal) ? "id" : name;
        var values = entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out _))
            .Select(e => e.GetProperty(key).ToString()).Take(2).ToList();
        var urls = new List<string>();
        foreach (var value in values)
        {
            urls.AddRange(await ExpandAsync(client, template[..at] + Uri.EscapeDataString(value) + template[(end + 1)..], seen));
        }

        return urls;
    }

    private static async Task<JsonElement?> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void Walk(JsonElement element, string path, Action<string, JsonElement> visit)
    {
        visit(path, element);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, path + "/" + property.Name, visit);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, path + "/" + (i++ == 0 ? "0" : "n"), visit);
            }
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();
}

public sealed class ApiContractTestsOnSqlite(SqliteFixture fixture) : ApiContractTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ApiContractTestsOnPostgres(PostgresFixture fixture) : ApiContractTests(fixture), IClassFixture<PostgresFixture>;

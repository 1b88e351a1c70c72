namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 3: the whole OpenAPI document × every role against docs/security/access.md.</summary>
public abstract class RouteRoleTests(string provider)
{
    [Fact]
    public async Task Every_route_answers_every_role_as_the_access_table_says()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new TestApp(database);
        var document = await Http.Json(await app.Anonymous().GetAsync("/openapi/v1.json"));
        var routes = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(o => (Method: o.Name.ToUpperInvariant(), Path: p.Name)))
            .ToList();
        var table = RouteRoleMatrix.ReadTable();
        var problems = new List<string>();
        problems.AddRange(routes.Where(r => !table.ContainsKey(r)).Select(r => $"{r.Method} {r.Path}: not in docs/security/access.md"));
        problems.AddRange(table.Keys.Where(k => !routes.Contains(k)).Select(k => $"{k.Method} {k.Path}: in the table but not a route"));

        var clients = new Dictionary<string, HttpClient>();
        foreach (var (column, user) in RouteRoleMatrix.Principals)
        {
            clients[column] = user is null ? app.Anonymous() : await app.SignedIn(user);
        }

        // Logging out ends the session: it goes last for each caller.
        foreach (var route in routes.Where(table.ContainsKey).OrderBy(r => r.Path == "/api/v1/auth/logout"))
        {
            var marks = table[route];
            if (marks.Length != RouteRoleMatrix.Principals.Length)
            {
                problems.Add($"{route.Method} {route.Path}: {marks.Length} marks, the table has {RouteRoleMatrix.Principals.Length} columns");
                continue;
            }

            for (var i = 0; i < marks.Length; i++)
            {
                var (column, user) = RouteRoleMatrix.Principals[i];
                using var request = RouteRoleMatrix.Request(route.Method, route.Path);
                var response = await clients[column].SendAsync(request);
                if (RouteRoleMatrix.Check(marks[i], user is null, (int)response.StatusCode) is { } wrong)
                {
                    problems.Add($"{route.Method} {route.Path} as {column}: {wrong}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

public sealed class RouteRoleTestsOnSqlite() : RouteRoleTests("sqlite");

public sealed class RouteRoleTestsOnPostgres() : RouteRoleTests("postgres");

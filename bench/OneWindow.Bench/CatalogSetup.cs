using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneWindow.Bench;

/// <summary>Grows the demo catalogue to a city-sized one (default 1,000 items) through the real import API.</summary>
public static class CatalogSetup
{
    public static readonly string[] Keywords = ["食品", "许可", "登记", "营业执照", "施工", "公积金", "医疗", "运输", "备案", "环评", "社会", "证"];

    public static async Task<int> GrowAsync(string baseUrl, int target)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "OneWindow#2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var export = JsonNode.Parse(await http.GetStringAsync("/api/v1/catalog/export?format=json"))!.AsObject();
        var items = export["items"]!.AsArray();
        var originals = items.Select(i => i!.DeepClone()).ToList();
        var n = 0;
        while (items.Count < target)
        {
            var copy = originals[n % originals.Count]!.DeepClone().AsObject();
            var batch = (n / originals.Count) + 1;
            copy["code"] = $"{copy["code"]!.GetValue<string>()}-B{batch:000}";
            copy["name"] = $"{copy["name"]!.GetValue<string>()}（{batch} 号实施清单）";
            items.Add(copy);
            n++;
        }

        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(export));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(content, "file", "catalog.json");
        var response = await http.PostAsync("/api/v1/catalog/import", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"catalogue import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return items.Count;
    }
}

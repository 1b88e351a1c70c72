using System.Net.Http.Headers;

namespace OneWindow.Tests.Infrastructure;

/// <summary>Building and driving applications (办件) over the API, as the case tests need them.</summary>
public static class Applications
{
    public const string EnterpriseUscc = "91371602MA3C8K2L6B";

    public static readonly Dictionary<string, object> EnterpriseForm = new()
    {
        ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["uscc"] = EnterpriseUscc, ["legalRepName"] = "李明",
        ["legalRepId"] = "371602199003151236", ["mobile"] = "15305431111", ["address"] = "滨州市滨城区黄河五路 597 号",
    };

    /// <summary>Uploads a small PDF as the signed-in user and returns its file id.</summary>
    public static async Task<string> UploadAsync(HttpClient client, string name = "材料.pdf")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent("%PDF-1.4\n% OneWindow test material\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", name);
        var json = await Http.Json(await client.PostAsync("/api/v1/files", form), HttpStatusCode.Created);
        return json.GetProperty("fileId").GetString()!;
    }

    /// <summary>李明 applies online for 个体工商户设立登记 (XK-SCJ-004, a licence-yielding item of 市场监督管理局); returns the case id.</summary>
    public static async Task<string> SubmitBusinessRegistrationAsync(HttpClient citizen)
    {
        var file = await UploadAsync(citizen);
        return await SubmitAsync(citizen, new
        {
            itemCode = "XK-SCJ-004",
            applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
            form = new Dictionary<string, object>
            {
                ["applicantName"] = "李明", ["residentId"] = "371602199003151236", ["mobile"] = "13805431234", ["address"] = "滨州市滨城区黄河五路 597 号",
            },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "premises", fileId = file } },
        });
    }

    /// <summary>李明's business registration, accepted by <paramref name="clerk"/>, granted by 市场监管's approver, handed out at the counter; the case id.</summary>
    public static async Task<string> CompletedBusinessRegistrationAsync(HttpClient citizen, HttpClient clerk, HttpClient approver)
    {
        var id = await SubmitBusinessRegistrationAsync(citizen);
        await ActAsync(clerk, id, "accept");
        await ActAsync(approver, id, "approve", new { opinion = "准予登记" });
        await ActAsync(clerk, id, "complete", new { delivery = "counter" });
        return id;
    }

    /// <summary>The item's material codes, from its guide.</summary>
    public static async Task<List<string>> MaterialCodesAsync(HttpClient client, string itemCode)
    {
        var item = await Http.Json(await client.GetAsync($"/api/v1/items/{itemCode}"));
        return [.. item.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("code").GetString()!)];
    }

    /// <summary>The demo enterprise applying for an item with every material uploaded except <paramref name="leaveOut"/>.</summary>
    public static async Task<object> EnterpriseAsync(HttpClient client, string itemCode, params string[] leaveOut)
    {
        var file = await UploadAsync(client);
        var materials = (await MaterialCodesAsync(client, itemCode)).Where(c => !leaveOut.Contains(c)).Select(c => new { materialCode = c, fileId = file });
        return new
        {
            itemCode,
            applicant = new { kind = "enterprise", uscc = EnterpriseUscc, name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
            form = EnterpriseForm,
            materials = materials.ToArray(),
        };
    }

    public static async Task<string> SubmitAsync(HttpClient client, object application, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(application) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var json = await Http.Json(await client.SendAsync(request), HttpStatusCode.Created);
        Assert.Equal("submitted", json.GetProperty("status").GetString());
        return json.GetProperty("id").GetString()!;
    }

    /// <summary>POSTs a case action; the case on success, the problem otherwise (asserting the expected status).</summary>
    public static async Task<JsonElement> ActAsync(HttpClient client, string id, string action, object? body = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{id}/{action}", body ?? new { });
        return expect == HttpStatusCode.OK ? await Http.Json(response) : await Http.Problem(response, expect);
    }

    /// <summary>A value that passes a form field of its type, for the demo citizen or enterprise.</summary>
    public static object ValueFor(JsonElement field, bool enterprise, string fileId)
    {
        var options = field.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array ? o.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var min = field.TryGetProperty("min", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetDecimal() : 1;
        return field.GetProperty("type").GetString() switch
        {
            "number" => Math.Max(min, 1),
            "date" => "2026-03-02",
            "select" => options[0],
            "multiselect" => new[] { options[0] },
            "residentId" => "371602199003151236",
            "uscc" => EnterpriseUscc,
            "mobile" => enterprise ? "15305431111" : "13805431234",
            "address" => "滨州市滨城区黄河五路 597 号",
            "file" => fileId,
            _ => enterprise ? "滨州市黄河餐饮管理有限公司" : "李明",
        };
    }

    /// <summary>A person's form for the item, every field filled with a passing value.</summary>
    public static async Task<Dictionary<string, object>> FormAsync(TestApp app, string code, string file)
    {
        var item = await Http.Json(await app.Anonymous().GetAsync($"/api/v1/items/{code}"));
        return item.GetProperty("form").GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => ValueFor(f, false, file));
    }
}

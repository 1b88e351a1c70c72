using System.Xml.Linq;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 21, must show 5: Open311 GeoReport v2 as its specification says — discovery, services, a definition, POST with a
/// valid key (201) and without (403 with the spec's error list), GET by id, filters by status and date, in XML and JSON;
/// a request is a work order in the agents' queue, and closing it reads <c>closed</c> over Open311.
/// </summary>
public abstract class Open311Tests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static async Task<XElement> Xml(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return XDocument.Parse(text).Root!;
    }

    private async Task<string> KeyAsync(string name)
    {
        var issued = await Http.Json(await (await App.SignedIn("admin")).PostAsJsonAsync("/api/v1/open311/clients", new { name }), HttpStatusCode.Created);
        return issued.GetProperty("apiKey").GetString()!;
    }

    [Fact]
    public async Task Discovery_services_and_a_definition_read_the_same_in_json_and_xml()
    {
        var anonymous = App.Anonymous();
        var discovery = await Http.Json(await anonymous.GetAsync("/open311/v2/discovery.json"));
        var endpoint = discovery.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        var xmlDiscovery = await Xml(await anonymous.GetAsync("/open311/v2/discovery.xml"));
        Assert.Equal("discovery", xmlDiscovery.Name.LocalName);
        Assert.Equal(["text/xml", "application/json"], xmlDiscovery.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));

        var services = await Http.Json(await anonymous.GetAsync("/open311/v2/services.json"));
        var elevator = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "010101");
        Assert.Equal("电梯故障", elevator.GetProperty("service_name").GetString());
        Assert.True(elevator.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", elevator.GetProperty("type").GetString());
        var xmlServices = await Xml(await anonymous.GetAsync("/open311/v2/services.xml"));
        Assert.Equal(services.GetArrayLength(), xmlServices.Elements("service").Count());
        Assert.Contains(xmlServices.Elements("service"), s => s.Element("service_code")!.Value == "010101" && s.Element("group")!.Value == "城乡建设");

        var definition = await Http.Json(await anonymous.GetAsync("/open311/v2/services/010101.json"));
        var trapped = definition.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "trapped");
        Assert.True(trapped.GetProperty("required").GetBoolean());
        Assert.Equal("singlevaluelist", trapped.GetProperty("datatype").GetString());
        Assert.Equal(["yes", "no"], trapped.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        var xmlDefinition = await Xml(await anonymous.GetAsync("/open311/v2/services/010101.xml"));
        Assert.Equal("service_definition", xmlDefinition.Name.LocalName);
        Assert.Contains(xmlDefinition.Element("attributes")!.Elements("attribute"), a => a.Element("code")!.Value == "trapped" && a.Element("required")!.Value == "true");

        var missing = await anonymous.GetAsync("/open311/v2/services/999999.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var error = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(404, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_request_with_a_key_is_a_work_order_in_the_queue_and_reads_closed_once_the_centre_closes_it()
    {
        var anonymous = App.Anonymous();
        var key = await KeyAsync("滨州市民通 App");

        // Without a key, or with a wrong one: 403 and the spec's error list, in both formats.
        var noKey = await anonymous.PostAsync("/open311/v2/requests.json", Form(("service_code", "010101"), ("lat", "37.38"), ("long", "117.97"), ("description", "电梯停运三天")));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        var errors = JsonDocument.Parse(await noKey.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal(403, errors[0].GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("description").GetString()));
        var xmlError = await Xml(await anonymous.PostAsync("/open311/v2/requests.xml", Form(("api_key", "wrong"), ("service_code", "010101"))), HttpStatusCode.Forbidden);
        Assert.Equal("errors", xmlError.Name.LocalName);
        Assert.Equal("403", xmlError.Element("error")!.Element("code")!.Value);

        // A required attribute missing, and no location: 400 naming both.
        var incomplete = await anonymous.PostAsync("/open311/v2/requests.json", Form(("api_key", key), ("service_code", "010101"), ("description", "电梯停运三天了")));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var said = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("attribute[trapped]", said, StringComparison.Ordinal);
        Assert.Contains("位置", said, StringComparison.Ordinal);

        var posted = await anonymous.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "010101"), ("lat", "37.3835"), ("long", "117.9706"), ("address_string", "滨州市滨城区黄河五路 100 号"),
            ("description", "3 号楼电梯停运三天，老人无法下楼"), ("attribute[trapped]", "no"), ("attribute[building]", "3 号楼 2 单元"), ("first_name", "小明"), ("last_name", "王")));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0];
        var number = created.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^RX-\d{8}-\d{4}$", number);

        var xmlPosted = await Xml(await anonymous.PostAsync("/open311/v2/requests.xml", Form(
            ("api_key", key), ("service_code", "020102"), ("address_string", "滨州市渤海七路 8 号"), ("description", "超市销售过期牛奶"), ("attribute[shop]", "某某超市"))), HttpStatusCode.Created);
        Assert.Matches(@"^RX-", xmlPosted.Element("request")!.Element("service_request_id")!.Value);

        // Read back by id and by token, open, with times in +08:00.
        var one = (await Http.Json(await anonymous.GetAsync($"/open311/v2/requests/{number}.json")))[0];
        Assert.Equal("open", one.GetProperty("status").GetString());
        Assert.EndsWith("+08:00", one.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
        Assert.Equal(37.3835, one.GetProperty("lat").GetDouble());
        Assert.Contains("【是否有人被困】否", one.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", (await Xml(await anonymous.GetAsync($"/open311/v2/requests/{number}.xml"))).Element("request")!.Element("status")!.Value);
        var token = (await Http.Json(await anonymous.GetAsync($"/open311/v2/tokens/{created.GetProperty("token").GetString()}.json")))[0];
        Assert.Equal(number, token.GetProperty("service_request_id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/open311/v2/requests/RX-20991231-9999.json")).StatusCode);

        // In the agents' queue like any call; the centre closes it.
        var agent = await App.SignedIn("hotline");
        var queue = await Http.Json(await agent.GetAsync("/api/v1/work-orders?status=received&pageSize=100"));
        var order = queue.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("number").GetString() == number);
        Assert.Equal("open311", order.GetProperty("channel").GetString());
        Assert.Equal("王小明", order.GetProperty("caller").GetProperty("name").GetString());
        using (var close = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work-orders/{order.GetProperty("id").GetString()}/close")
               {
                   Content = JsonContent.Create(new { reason = "经核实电梯已修复，物业已张贴维保记录" }),
               })
        {
            close.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{order.GetProperty("version").GetInt32()}\""));
            await Http.Json(await agent.SendAsync(close));
        }

        var closed = (await Http.Json(await anonymous.GetAsync($"/open311/v2/requests/{number}.json")))[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Contains("电梯已修复", closed.GetProperty("status_notes").GetString(), StringComparison.Ordinal);

        // Filters by status and date, in both formats; a range beyond 90 days is refused.
        var start = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var end = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var closedOnes = await Http.Json(await anonymous.GetAsync($"/open311/v2/requests.json?status=closed&start_date={start}&end_date={end}"));
        Assert.Contains(closedOnes.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
        var openOnes = await Xml(await anonymous.GetAsync($"/open311/v2/requests.xml?status=open&start_date={start}&end_date={end}"));
        Assert.DoesNotContain(openOnes.Elements("request"), r => r.Element("service_request_id")!.Value == number);
        Assert.Contains(openOnes.Elements("request"), r => r.Element("service_request_id")!.Value == xmlPosted.Element("request")!.Element("service_request_id")!.Value);
        var earlier = await Http.Json(await anonymous.GetAsync("/open311/v2/requests.json?status=closed&start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-02-01T00:00:00%2B08:00"));
        Assert.DoesNotContain(earlier.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")).StatusCode);

        // FixMyStreet's updates: the close is there, CLOSED; a phone call to 12345 is never published.
        var updates = await Http.Json(await anonymous.GetAsync($"/open311/v2/servicerequestupdates.json?start_date={start}&end_date={end}"));
        Assert.Contains(updates.EnumerateArray(), u => u.GetProperty("service_request_id").GetString() == number && u.GetProperty("status").GetString() == "CLOSED");
        var call = await Http.Json(await agent.PostAsJsonAsync("/api/v1/work-orders", new
        {
            channel = "phone", type = "complaint", categoryCode = "010101", caller = new { name = "孙来电", phone = People.Mobile() }, confidential = false,
            content = "电话反映的电梯问题，不公开", location = new { address = "滨州市黄河五路" }, urgency = "normal",
        }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/open311/v2/requests/{call.GetProperty("number").GetString()}.json")).StatusCode);

        // A revoked key no longer files anything.
        var admin = await App.SignedIn("admin");
        var clients = await Http.Json(await admin.GetAsync("/api/v1/open311/clients"));
        var mine = clients.EnumerateArray().First(c => key.StartsWith(c.GetProperty("keyPrefix").GetString()!, StringComparison.Ordinal));
        await Http.Json(await admin.DeleteAsync($"/api/v1/open311/clients/{mine.GetProperty("id").GetString()}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "020102"), ("address_string", "滨州市"), ("description", "超市销售过期牛奶"), ("attribute[shop]", "某超市")))).StatusCode);
    }
}

public sealed class Open311TestsOnSqlite(SqliteFixture fixture) : Open311Tests(fixture), IClassFixture<SqliteFixture>;

public sealed class Open311TestsOnPostgres(PostgresFixture fixture) : Open311Tests(fixture), IClassFixture<PostgresFixture>;

using System.Net.Http.Headers;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Domain;

namespace OneWindow.Tests.Integration;

/// <summary>The catalogue API: search, detail, form validation, versions, export/import, files — per provider.</summary>
public abstract class CatalogTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Search_pages_and_filters_the_published_catalogue()
    {
        var all = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?pageSize=10"));
        Assert.True(all.GetProperty("total").GetInt32() >= 60);
        Assert.Equal(10, all.GetProperty("items").GetArrayLength());

        var page2 = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?pageSize=10&page=2"));
        Assert.NotEqual(all.GetProperty("items")[0].GetProperty("code").GetString(), page2.GetProperty("items")[0].GetProperty("code").GetString());

        var food = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?q=" + Uri.EscapeDataString("食品")));
        var names = food.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Contains("食品经营许可（新办）", names);
        Assert.All(names, n => Assert.True(n.Contains("食品", StringComparison.Ordinal) || n.Length > 0));

        var scj = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?department=371600-SCJ&kind=01&pageSize=100"));
        Assert.All(scj.GetProperty("items").EnumerateArray(), i =>
        {
            Assert.Equal("371600-SCJ", i.GetProperty("department").GetString());
            Assert.Equal("01", i.GetProperty("kindCode").GetString());
        });

        var theme = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?lifeEvent=" + Uri.EscapeDataString("开餐馆") + "&sort=committedDays"));
        var days = theme.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("committedDays").GetInt32()).ToList();
        Assert.NotEmpty(days);
        Assert.Equal(days.Order(), days);
    }

    [Fact]
    public async Task Everyday_words_find_the_catalogues_items_and_the_closest_match_comes_first()
    {
        // 开饭店 is nobody's item name: it finds 小餐饮 and 食品经营, and the page says what it searched besides.
        var restaurant = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?q=" + Uri.EscapeDataString("我想开饭店")));
        var names = restaurant.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Contains("小餐饮经营许可", names);
        Assert.Contains("食品经营许可（新办）", names);
        Assert.Equal("小餐饮经营许可", names[0]);
        var page = await App.Anonymous().GetStringAsync("/search?q=" + Uri.EscapeDataString("开饭店"));
        Assert.Contains("已按「开饭店」的常用说法一并搜索：小餐饮、食品经营", page, StringComparison.Ordinal);

        // Relevance: the item named exactly what was typed first, then names starting with it, then names containing it.
        var marriage = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?q=" + Uri.EscapeDataString("结婚登记")));
        Assert.Equal("QR-MZJ-001", marriage.GetProperty("items")[0].GetProperty("code").GetString());
        var licence = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?q=" + Uri.EscapeDataString("食品经营许可") + "&pageSize=100"));
        var ranked = licence.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.StartsWith("食品经营许可", ranked[0], StringComparison.Ordinal);
        Assert.True(ranked.FindIndex(n => !n.StartsWith("食品经营许可", StringComparison.Ordinal)) is var firstOther && (firstOther < 0 || ranked.Skip(firstOther).All(n => !n.StartsWith("食品经营许可", StringComparison.Ordinal))));

        // sort=code keeps the catalogue's order for those who want it.
        var byCode = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items?q=" + Uri.EscapeDataString("开饭店") + "&sort=code&pageSize=100"));
        var codes = byCode.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task The_home_page_lists_the_items_most_applied_for_lately()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using (var before = new TestApp(database))
        {
            // The demo's history (one counter case each of ten items, closed on the previous working day) is all there is so far.
            Assert.Contains("企业设立登记", await before.Anonymous().GetStringAsync("/"), StringComparison.Ordinal);
            var citizen = await before.SignedIn("citizen");
            for (var i = 0; i < 3; i++)
            {
                await Applications.SubmitBusinessRegistrationAsync(citizen);
            }

            var enterprise = await before.SignedIn("enterprise");
            for (var i = 0; i < 2; i++)
            {
                await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-012"));
            }
        }

        await using var app = new TestApp(database);
        var home = await app.Anonymous().GetStringAsync("/");
        var busiest = home[home.IndexOf("data-testid=\"busiest-items\"", StringComparison.Ordinal)..];
        busiest = busiest[..busiest.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.True(busiest.IndexOf("个体工商户设立登记", StringComparison.Ordinal) is var first && first > 0, busiest);
        Assert.True(busiest.IndexOf("食品生产许可", StringComparison.Ordinal) > first, busiest);
        Assert.Contains("href=\"/guide/XK-SCJ-004\"", busiest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_search_parameters_are_field_errors()
    {
        var json = await Http.Problem(await App.Anonymous().GetAsync("/api/v1/items?kind=xx&pageSize=1000&sort=price"), HttpStatusCode.BadRequest, "validation");
        var errors = json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.True(errors.TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task An_item_carries_materials_limits_steps_and_form_and_an_unknown_code_is_404()
    {
        var item = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items/XK-SCJ-005"));
        Assert.Equal(10, item.GetProperty("statutoryDays").GetInt32());
        Assert.Equal(5, item.GetProperty("committedDays").GetInt32());
        Assert.Equal("371600-SCJ", item.GetProperty("department").GetString());
        Assert.Equal("FoodBusinessLicense", item.GetProperty("licenseType").GetString());
        Assert.Equal(["受理", "审查", "决定", "办结"], item.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        var materials = item.GetProperty("materials").EnumerateArray().ToList();
        Assert.Contains(materials, m => m.GetProperty("deferrable").GetBoolean());
        Assert.Contains(materials, m => m.TryGetProperty("substitutableBy", out var s) && s.GetString() == "BusinessLicense");
        var application = materials.Single(m => m.GetProperty("code").GetString() == "application");
        Assert.EndsWith(".pdf", application.GetProperty("blankForm").GetProperty("fileName").GetString(), StringComparison.Ordinal);
        Assert.Equal("image/png", application.GetProperty("sample").GetProperty("contentType").GetString());
        var fields = item.GetProperty("form").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToList();
        Assert.Contains("uscc", fields);
        Assert.Contains("legalRepName", fields);

        await Http.Problem(await App.Anonymous().GetAsync("/api/v1/items/NO-SUCH-ITEM"), HttpStatusCode.NotFound, "catalog:item-not-found");
    }

    [Fact]
    public async Task The_demo_catalogue_is_complete_and_every_item_is_valid()
    {
        await using var scope = App.Scope();
        var editor = scope.ServiceProvider.GetRequiredService<OneWindow.Modules.Catalog.Features.CatalogEditor>();
        var items = await editor.ExportAsync(CancellationToken.None);
        Assert.True(items.Count >= 60, $"{items.Count} items");
        Assert.True(items.Select(i => i.Department).Distinct().Count() >= 12);
        foreach (var item in items)
        {
            Assert.NotEmpty(item.Materials);
            Assert.True(item.StatutoryDays >= item.CommittedDays, item.Code);
            var errors = await editor.CheckAsync(item, CancellationToken.None);
            Assert.False(errors.Any, item.Code + ": " + string.Join("; ", errors.ToError().Fields!.Select(f => f.Key + " " + string.Join(",", f.Value))));
        }

        // 行政许可法 §42: twenty working days unless a law sets another limit.
        Assert.Contains(items, i => i.Kind == ServiceItemKind.Licensing && i.StatutoryDays == 20);
    }

    [Fact]
    public async Task A_form_with_bad_fields_gets_chinese_errors_per_field_from_the_schema()
    {
        var response = await App.Anonymous().PostAsJsonAsync("/api/v1/items/XK-SCJ-005/form/validate", new
        {
            form = new Dictionary<string, object>
            {
                ["enterpriseName"] = "滨州市黄河餐饮管理有限公司",
                ["uscc"] = "91371602MA3C8K2L6C",
                ["legalRepName"] = "李明",
                ["legalRepId"] = "371602199002301234",
                ["mobile"] = "1380543",
                ["address"] = "滨州市黄河五路 597 号",
                ["staffCount"] = -3,
            },
        });
        var json = await Http.Problem(response, HttpStatusCode.BadRequest, "form:invalid");
        var errors = json.GetProperty("errors");
        Assert.Contains("校验码", errors.GetProperty("uscc")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("出生日期", errors.GetProperty("legalRepId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("手机号码", errors.GetProperty("mobile")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("不能小于 0", errors.GetProperty("staffCount")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("enterpriseName", out _));

        var ok = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/items/XK-SCJ-005/form/validate", new
        {
            form = new Dictionary<string, object>
            {
                ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["uscc"] = "91371602ma3c8k2l6b", ["legalRepName"] = "李明",
                ["legalRepId"] = "371602199003151236", ["mobile"] = "13805431234", ["address"] = "滨州市黄河五路 597 号",
            },
        }));
        Assert.True(ok.GetProperty("valid").GetBoolean());
        Assert.Equal("91371602MA3C8K2L6B", ok.GetProperty("form").GetProperty("uscc")[0].GetString());
    }

    [Fact]
    public async Task An_edit_makes_a_new_version_and_the_published_one_never_changes()
    {
        var admin = await App.SignedIn("admin");
        var before = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items/XK-JTJ-002"));
        var document = JsonSerializer.Deserialize<ItemDocument>(before.GetRawText(), CatalogJson)! with { CommittedDays = 7, Name = "出租汽车经营许可（新版）" };

        var draft = await Http.Json(await admin.PutAsJsonAsync("/api/v1/items/XK-JTJ-002/draft", document, CatalogJson));
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var draftVersion = draft.GetProperty("itemVersion").GetInt32();
        Assert.Equal(before.GetProperty("itemVersion").GetInt32() + 1, draftVersion);

        // The public still sees the published version until the draft is published.
        var still = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items/XK-JTJ-002"));
        Assert.Equal(10, still.GetProperty("committedDays").GetInt32());

        await Http.Json(await admin.PostAsync("/api/v1/items/XK-JTJ-002/publish", null));
        var after = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items/XK-JTJ-002"));
        Assert.Equal(7, after.GetProperty("committedDays").GetInt32());
        Assert.Equal(draftVersion, after.GetProperty("itemVersion").GetInt32());

        var old = await Http.Json(await App.Anonymous().GetAsync($"/api/v1/items/XK-JTJ-002?version={before.GetProperty("itemVersion").GetInt32()}"));
        Assert.Equal(10, old.GetProperty("committedDays").GetInt32());
        Assert.Equal("superseded", old.GetProperty("status").GetString());

        await Http.Problem(await admin.PostAsync("/api/v1/items/XK-JTJ-002/publish", null), HttpStatusCode.Conflict, "catalog:no-draft");
    }

    [Fact]
    public async Task Only_admins_and_the_owning_department_head_edit_items()
    {
        var item = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items/XK-ZJJ-006"));
        var document = JsonSerializer.Deserialize<ItemDocument>(item.GetRawText(), CatalogJson)!;
        var headOfScj = await App.SignedIn("head.scj");
        await Http.Problem(await headOfScj.PutAsJsonAsync("/api/v1/items/XK-ZJJ-006/draft", document, CatalogJson), HttpStatusCode.Forbidden, "catalog:forbidden");
        var clerk = await App.SignedIn("clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync("/api/v1/items/XK-ZJJ-006/draft", document, CatalogJson)).StatusCode);
    }

    [Fact]
    public async Task An_invalid_definition_is_rejected_field_by_field()
    {
        var admin = await App.SignedIn("admin");
        var bad = new ItemDocument
        {
            Code = "XK-TEST-BAD", Name = "测", Kind = ServiceItemKind.Licensing, Department = "371600-NOPE", Region = "371600",
            CaseType = CaseType.Promised, StatutoryDays = 5, CommittedDays = 9, OnlineDepth = 7,
            Materials = [new Material { Code = "a", Name = "申请书", Deferrable = true }],
            Form = new FormSchema { Fields = [new FormField { Key = "x", Label = "类型", Type = "select" }] },
        };
        var json = await Http.Problem(await admin.PutAsJsonAsync("/api/v1/items/XK-TEST-BAD/draft", bad, CatalogJson), HttpStatusCode.BadRequest, "catalog:invalid");
        var errors = json.GetProperty("errors");
        foreach (var field in new[] { "name", "committedDays", "onlineDepth", "department", "materials[0].deferrable", "form.fields[0].options" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Nulls_in_a_definition_are_field_errors_not_server_faults()
    {
        var admin = await App.SignedIn("admin");
        using var body = new StringContent("""
            {"code":"XK-TEST-NULL","name":null,"kind":"licensing","department":"371600-SCJ","region":"371600","fee":null,
             "statutoryDays":5,"committedDays":3,"onlineDepth":3,"caseType":"promised",
             "materials":[null,{"code":null,"name":null}],"form":{"fields":[null,{"key":null,"label":null,"type":null}]}}
            """, System.Text.Encoding.UTF8, "application/json");
        var json = await Http.Problem(await admin.PutAsync("/api/v1/items/XK-TEST-NULL/draft", body), HttpStatusCode.BadRequest, "catalog:invalid");
        Assert.True(json.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(json.GetProperty("errors").TryGetProperty("materials[0].code", out _));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_then_import_round_trips_exactly(string format)
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var source = new TestApp(database);
        var admin = await source.SignedIn("admin");
        var exported = await admin.GetByteArrayAsync($"/api/v1/catalog/export?format={format}");

        // Import into a clean install: every item is created, and exporting again gives the same definitions.
        await using var emptyDb = await fixture.NewDatabaseAsync();
        await using var target = new TestApp(emptyDb, demo: true, settings: new Dictionary<string, string?>());
        var targetAdmin = await target.SignedIn("admin");
        await using (var scope = target.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
            await db.Set<ServiceItem>().ExecuteDeleteAsync();
        }

        var report = await Http.Json(await Import(targetAdmin, exported, $"catalog.{format}"));
        var count = (await ExportDocuments(admin)).Count;
        Assert.Equal(count, report.GetProperty("created").GetInt32());
        Assert.Equal(Canonical(await ExportDocuments(admin)), Canonical(await ExportDocuments(targetAdmin)));

        // Importing the same file again changes nothing.
        var again = await Http.Json(await Import(targetAdmin, exported, $"catalog.{format}"));
        Assert.Equal(count, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_rejected_with_a_row_report_and_changes_nothing()
    {
        var admin = await App.SignedIn("admin");
        var before = Canonical(await ExportDocuments(admin));
        var csv = System.Text.Encoding.UTF8.GetString(await admin.GetByteArrayAsync("/api/v1/catalog/export?format=csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n").ToList();
        // Row 2 gets a changed name (a valid edit), row 4 an impossible limit and a bad kind.
        lines[1] = lines[1].Replace("企业设立登记", "企业设立登记（改）", StringComparison.Ordinal);
        var cells = lines[3].Split(',');
        cells[2] = "77";
        cells[7] = "abc";
        lines[3] = string.Join(',', cells);
        var response = await Import(admin, System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "catalog.csv");
        var json = await Http.Problem(response, HttpStatusCode.BadRequest, "catalog:import-rejected");
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Single(rows);
        Assert.Equal(4, rows[0].GetProperty("row").GetInt32());
        Assert.True(rows[0].GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(rows[0].GetProperty("errors").TryGetProperty("statutoryDays", out _));
        Assert.Equal(before, Canonical(await ExportDocuments(admin)));
    }

    [Fact]
    public async Task A_background_import_reports_progress_and_its_result()
    {
        var admin = await App.SignedIn("admin");
        var file = await admin.GetByteArrayAsync("/api/v1/catalog/export?format=xlsx");
        var started = await Http.Json(await ImportJob(admin, file, "catalog.xlsx"), HttpStatusCode.Accepted);
        var url = $"/api/v1/catalog/import-jobs/{started.GetProperty("id").GetString()}";
        JsonElement job = default;
        await Http.Eventually(async () =>
        {
            job = await Http.Json(await admin.GetAsync(url));
            return job.GetProperty("status").GetString() is "succeeded" or "rejected" or "failed";
        }, "the import job never finished");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("percent").GetInt32());
        Assert.Equal(job.GetProperty("total").GetInt32(), job.GetProperty("report").GetProperty("unchanged").GetInt32());

        var bad = await Http.Json(await ImportJob(admin, "{\"items\":[{\"code\":\"x\"}]}"u8.ToArray(), "bad.json"), HttpStatusCode.Accepted);
        var badUrl = $"/api/v1/catalog/import-jobs/{bad.GetProperty("id").GetString()}";
        await Http.Eventually(async () => (await Http.Json(await admin.GetAsync(badUrl))).GetProperty("status").GetString() == "rejected", "the bad file was not rejected");
        var rejected = await Http.Json(await admin.GetAsync(badUrl));
        Assert.Equal(1, rejected.GetProperty("report").GetProperty("rejected")[0].GetProperty("row").GetInt32());

        var citizen = await App.SignedIn("citizen");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(url)).StatusCode);
    }

    private static async Task<HttpResponseMessage> ImportJob(HttpClient admin, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(file), "file", name);
        return await admin.PostAsync("/api/v1/catalog/import-jobs", form);
    }

    [Fact]
    public async Task Files_are_content_addressed_type_checked_and_private_unless_public()
    {
        var citizen = await App.SignedIn("citizen");
        var pdf = "%PDF-1.4\n% OneWindow test\n"u8.ToArray();
        var first = await Http.Json(await Upload(citizen, pdf, "../../etc/申请 书?.pdf"), HttpStatusCode.Created);
        var second = await Http.Json(await Upload(citizen, pdf, "copy.pdf"), HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("sha256").GetString(), second.GetProperty("sha256").GetString());
        Assert.NotEqual(first.GetProperty("fileId").GetString(), second.GetProperty("fileId").GetString());
        Assert.Equal("application/pdf", first.GetProperty("contentType").GetString());
        Assert.Equal("申请_书_.pdf", first.GetProperty("fileName").GetString());

        var fake = await Upload(citizen, "MZ not really a pdf"u8.ToArray(), "virus.pdf");
        var problem = await Http.Problem(fake, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));

        var url = $"/api/v1/files/{first.GetProperty("fileId").GetString()}";
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.SignedIn("citizen2")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().PostAsync("/api/v1/files", new MultipartFormDataContent())).StatusCode);

        // The demo blank forms are public.
        var item = await Http.Json(await App.Anonymous().GetAsync("/api/v1/items/XK-SCJ-005"));
        var blank = item.GetProperty("materials")[0].GetProperty("blankForm").GetProperty("url").GetString();
        var download = await App.Anonymous().GetAsync(blank);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions CatalogJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static async Task<List<ItemDocument>> ExportDocuments(HttpClient admin)
    {
        var json = await Http.Json(await admin.GetAsync("/api/v1/catalog/export?format=json"));
        return json.GetProperty("items").Deserialize<List<ItemDocument>>(CatalogJson)!;
    }

    private static string Canonical(IEnumerable<ItemDocument> items) => string.Join("\n", items.Select(i => i.Canonical()));

    private static async Task<HttpResponseMessage> Import(HttpClient admin, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return await admin.PostAsync("/api/v1/catalog/import", form);
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", name);
        return await client.PostAsync("/api/v1/files", form);
    }
}

public sealed class CatalogTestsOnSqlite(SqliteFixture fixture) : CatalogTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CatalogTestsOnPostgres(PostgresFixture fixture) : CatalogTests(fixture), IClassFixture<PostgresFixture>;

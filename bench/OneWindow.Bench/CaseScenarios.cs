using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OneWindow.Bench;

/// <summary>
/// What the case scenarios need from the running server: bearer tokens for the demo citizen, the
/// counter clerk and the market-regulation approver, and one uploaded PDF to cite as every material.
/// The item is 个体工商户设立登记 (XK-SCJ-004): a person applies online and one approver decides (独任审批).
/// </summary>
public sealed class CaseSetup
{
    public const string ItemCode = "XK-SCJ-004";

    private CaseSetup(string citizen, string clerk, string approver, string fileId, string enterprise, string enterpriseFileId)
    {
        Enterprise = enterprise;
        EnterpriseFileId = enterpriseFileId;
        Citizen = citizen;
        Clerk = clerk;
        Approver = approver;
        FileId = fileId;
    }

    public string Citizen { get; }

    public string Clerk { get; }

    public string Approver { get; }

    public string FileId { get; }

    /// <summary>The demo enterprise (for the 企业开办 bundle) and a PDF it uploaded.</summary>
    public string Enterprise { get; }

    public string EnterpriseFileId { get; }

    public static async Task<CaseSetup> PrepareAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };
        async Task<string> Token(string user)
        {
            var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = "OneWindow#2026" });
            login.EnsureSuccessStatusCode();
            return (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        }

        async Task<string> Upload(string token)
        {
            using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files");
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var form = new MultipartFormDataContent();
            var pdf = new ByteArrayContent("%PDF-1.4\n% OneWindow bench material\n"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(pdf, "file", "申请书.pdf");
            upload.Content = form;
            var uploaded = await http.SendAsync(upload);
            uploaded.EnsureSuccessStatusCode();
            return (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["fileId"]!.GetValue<string>();
        }

        var citizen = await Token("citizen");
        var enterprise = await Token("enterprise");
        return new CaseSetup(citizen, await Token("clerk"), await Token("approver.scj"), await Upload(citizen), enterprise, await Upload(enterprise));
    }

    public object Application => new
    {
        itemCode = ItemCode,
        applicant = new { kind = "person", idNumber = "371602199003151236", name = "李明", mobile = "13805431234" },
        form = new Dictionary<string, object>
        {
            ["applicantName"] = "李明", ["residentId"] = "371602199003151236", ["mobile"] = "13805431234", ["address"] = "滨州市滨城区黄河五路 597 号",
        },
        materials = new[] { new { materialCode = "application", fileId = FileId }, new { materialCode = "premises", fileId = FileId } },
    };

    /// <summary>
    /// The thin baseline's write (bench/OneWindow.ThinServer): the citizen's bearer token and the body of a submission, and
    /// the rows a submission commits (case, audit entry, outbox message, number counter, chain head) in one transaction.
    /// </summary>
    public Task<HttpResponseMessage> ThinWriteAsync(HttpClient http, int worker, long i) =>
        http.SendAsync(Post($"/thin/write/{RowsPerWrite}", Citizen, Application));

    /// <summary>Rows one platform write commits, as the thin baseline writes them.</summary>
    public const int RowsPerWrite = 5;

    private static HttpRequestMessage Post(string url, string token, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>
    /// Issues one licence the way a citizen gets it (apply, accept, approve; the outbox signs it) and
    /// returns its 扫码亮证 string, for the verify scenario.
    /// </summary>
    public async Task<string> IssueLicenseAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };
        using (var lifecycle = await LifecycleAsync(http, -1, 0))
        {
            lifecycle.EnsureSuccessStatusCode();
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/licenses");
            list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Citizen);
            var licences = (await (await http.SendAsync(list)).Content.ReadFromJsonAsync<JsonArray>())!;
            if (licences.Count > 0)
            {
                using var qr = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/licenses/{licences[0]!["id"]!.GetValue<string>()}/qr");
                qr.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Citizen);
                return (await (await http.SendAsync(qr)).Content.ReadFromJsonAsync<JsonObject>())!["payload"]!.GetValue<string>();
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("no licence was issued within 10 s");
    }

    /// <summary>How many licences the demo citizen holds (the issuance figure counts them before and after).</summary>
    public async Task<int> LicenseCountAsync(HttpClient http)
    {
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/licenses");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Citizen);
        return (await (await http.SendAsync(list)).Content.ReadFromJsonAsync<JsonArray>())!.Count;
    }

    /// <summary>Submit, accept and approve one case of an item that yields a 营业执照: the outbox then signs and stores the licence.</summary>
    public async Task<HttpResponseMessage> ApproveAsync(HttpClient http, int worker, long i)
    {
        var submitted = await SubmitAsync(http, worker, i);
        if (!submitted.IsSuccessStatusCode)
        {
            return submitted;
        }

        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        submitted.Dispose();
        using (var accept = Post($"/api/v1/cases/{id}/accept", Clerk, new { }))
        {
            var accepted = await http.SendAsync(accept);
            if (!accepted.IsSuccessStatusCode)
            {
                return accepted;
            }

            accepted.Dispose();
        }

        using var approve = Post($"/api/v1/cases/{id}/approve", Approver, new { opinion = "准予登记" });
        return await http.SendAsync(approve);
    }

    /// <summary>
    /// 秒批 (issue 23): the demo enterprise applies for a 网约车运输证 (XK-JTJ-004, rules: 行驶证 given, no credit mark, no ban); the
    /// rules grant it inside the submission (201 with status approved) and the outbox signs the licence.
    /// </summary>
    private static readonly string[] RideHailing = ["网络预约出租汽车"];

    public async Task<HttpResponseMessage> InstantAsync(HttpClient http, int worker, long i)
    {
        using var request = Post("/api/v1/cases", Enterprise, new
        {
            itemCode = "XK-JTJ-004",
            applicant = new { kind = "enterprise", uscc = "91371602MA3C8K2L6B", name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
            form = new Dictionary<string, object>
            {
                ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["uscc"] = "91371602MA3C8K2L6B", ["legalRepName"] = "李明", ["mobile"] = "15305431111",
                ["vehicleCount"] = 1 + (int)(i % 20), ["serviceType"] = RideHailing,
            },
            materials = new[] { new { materialCode = "application", fileId = EnterpriseFileId }, new { materialCode = "vehicleLicense", fileId = EnterpriseFileId } },
        }, $"bench-instant-{worker}-{i}-{Guid.NewGuid():N}");
        var response = await http.SendAsync(request);
        if (response.IsSuccessStatusCode && !(await response.Content.ReadAsStringAsync()).Contains("\"approved\"", StringComparison.Ordinal))
        {
            response.Dispose();
            return new HttpResponseMessage(System.Net.HttpStatusCode.Conflict) { Content = new StringContent("not granted by the rules") };
        }

        return response;
    }

    /// <summary>How many licences the demo enterprise holds (the 秒批 issuance figure counts them before and after).</summary>
    public async Task<int> EnterpriseLicenseCountAsync(HttpClient http)
    {
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/licenses");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Enterprise);
        return (await (await http.SendAsync(list)).Content.ReadFromJsonAsync<JsonArray>())!.Count;
    }

    /// <summary>企业开办 as one application: one form, three uploads, five sub-cases in five departments (201), fresh Idempotency-Key.</summary>
    public async Task<HttpResponseMessage> SubmitBundleAsync(HttpClient http, int worker, long i)
    {
        using var request = Post("/api/v1/bundle-applications", Enterprise, new
        {
            bundleCode = "QYKB",
            applicant = new { kind = "enterprise", uscc = "91371602MA3C8K2L6B", name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
            form = new Dictionary<string, object>
            {
                ["enterpriseName"] = "滨州市黄河餐饮管理有限公司", ["enterpriseType"] = "有限责任公司", ["registeredCapital"] = "100", ["legalRepName"] = "李明",
                ["legalRepId"] = "371602199003151236", ["mobile"] = "15305431111", ["address"] = "滨州市滨城区黄河五路 597 号",
                ["businessScope"] = "餐饮服务", ["uscc"] = "91371602MA3C8K2L6B",
            },
            materials = new[]
            {
                new { materialCode = "application", fileId = EnterpriseFileId }, new { materialCode = "articles", fileId = EnterpriseFileId },
                new { materialCode = "premises", fileId = EnterpriseFileId },
            },
        }, $"bench-bundle-{worker}-{i}-{Guid.NewGuid():N}");
        return await http.SendAsync(request);
    }

    /// <summary>One online submission (201 with the case), with a fresh Idempotency-Key.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient http, int worker, long i)
    {
        using var request = Post("/api/v1/cases", Citizen, Application, $"bench-{worker}-{i}-{Guid.NewGuid():N}");
        return await http.SendAsync(request);
    }

    /// <summary>
    /// The whole loop for one case: submit online → the clerk accepts → the approver approves → the
    /// clerk completes. Answers the last response, or the first that failed.
    /// </summary>
    public async Task<HttpResponseMessage> LifecycleAsync(HttpClient http, int worker, long i)
    {
        var submitted = await SubmitAsync(http, worker, i);
        if (!submitted.IsSuccessStatusCode)
        {
            return submitted;
        }

        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        submitted.Dispose();
        (string Route, string Token, object Body)[] steps =
        [
            ("accept", Clerk, new { }),
            ("approve", Approver, new { opinion = "准予登记" }),
            ("complete", Clerk, new { delivery = "counter" }),
        ];
        HttpResponseMessage? last = null;
        foreach (var (route, token, body) in steps)
        {
            last?.Dispose();
            using var request = Post($"/api/v1/cases/{id}/{route}", token, body);
            last = await http.SendAsync(request);
            if (!last.IsSuccessStatusCode)
            {
                break;
            }
        }

        return last!;
    }
}

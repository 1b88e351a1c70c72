using System.Security.Cryptography;
using OneWindow.Modules.Licenses.Domain;

namespace OneWindow.Tests.Integration;

/// <summary>Issue 5 (first slice): approval issues a signed licence; the QR and the vc+jwt verify with the published keys; revocation shows.</summary>
public abstract class LicenseTests(AppFixture fixture)
{
    private static readonly string[] RegistrationMaterials = ["application", "articles", "premises"];

    private TestApp App => fixture.App;

    private static async Task<JsonElement> IssueAsync(TestApp app)
    {
        var citizen = await app.SignedIn("citizen");
        var id = await Applications.SubmitBusinessRegistrationAsync(citizen);
        await Applications.ActAsync(await app.SignedIn("clerk"), id, "accept");
        await Applications.ActAsync(await app.SignedIn("approver.scj"), id, "approve", new { opinion = "准予登记" });
        JsonElement licence = default;
        await Http.Eventually(async () =>
        {
            var list = await Http.Json(await citizen.GetAsync("/api/v1/licenses"));
            var match = list.EnumerateArray().Where(l => l.GetProperty("caseId").GetString() == id).ToList();
            licence = match.FirstOrDefault();
            return match.Count == 1;
        }, "approval did not issue a licence to the holder");
        return licence;
    }

    [Fact]
    public async Task Approval_issues_a_licence_whose_qr_verifies_until_it_is_revoked()
    {
        var licence = await IssueAsync(App);
        Assert.Equal("营业执照", licence.GetProperty("typeName").GetString());
        Assert.Equal("active", licence.GetProperty("status").GetString());
        var number = licence.GetProperty("licenseNumber").GetString()!;
        Assert.Null(LicenseNumbers.Problem(number));
        // The person's holder segment is keyed (H…), never an unkeyed hash of the ID number.
        Assert.Equal('H', number.Split('.')[6][0]);

        var citizen = await App.SignedIn("citizen");
        var id = licence.GetProperty("id").GetString();
        var payload = (await Http.Json(await citizen.GetAsync($"/api/v1/licenses/{id}/qr"))).GetProperty("payload").GetString()!;
        var anonymous = App.Anonymous();
        var verified = await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());
        Assert.Equal("李明", verified.GetProperty("claims").GetProperty("holderName").GetString());
        Assert.DoesNotContain("199003151236", verified.ToString(), StringComparison.Ordinal);

        // The published key verifies the QR offline, too.
        var jwks = await Http.Json(await anonymous.GetAsync("/.well-known/jwks.json"));
        var kid = licence.GetProperty("kid").GetString();
        var jwk = jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString()),
                Y = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.GetProperty("y").GetString()),
            },
        });
        Assert.True(CoseSign1.Verify(LicenseQr.Unpack(payload).Value!, key));

        // The full credential: a vc+jwt whose header names the same key and whose signature it verifies.
        var credential = await citizen.GetAsync($"/api/v1/licenses/{id}/credential");
        Assert.Equal("application/vc+jwt", credential.Content.Headers.ContentType!.MediaType);
        var jwt = await credential.Content.ReadAsStringAsync();
        var vc = VcJwt.Verify(jwt, k => k == kid ? key : null);
        Assert.NotNull(vc);
        Assert.Equal(vc!["issuer"]!["id"]!.GetValue<string>(), vc["iss"]!.GetValue<string>());

        // …and a standard JOSE library agrees, given the JWKS.
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var signingKey = new Microsoft.IdentityModel.Tokens.JsonWebKey(jwk.GetRawText());
        var validation = await handler.ValidateTokenAsync(jwt, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            IssuerSigningKey = signingKey, ValidIssuer = vc["iss"]!.GetValue<string>(), ValidateAudience = false, ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("vc+jwt", ((Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)validation.SecurityToken).Typ);

        // Libraries that are not ours agree: cose-js verifies the QR's COSE_Sign1, jose the vc+jwt, each given the published key.
        var independent = await IndependentVerifiers.VerifyAsync(payload, jwk, jwt);
        Assert.True(independent.GetProperty("lc1").GetProperty("valid").GetBoolean(), independent.ToString());
        Assert.Contains("李明", independent.GetProperty("lc1").GetProperty("claims").ToString(), StringComparison.Ordinal);
        Assert.True(independent.GetProperty("jwt").GetProperty("valid").GetBoolean(), independent.ToString());
        Assert.Equal("vc+jwt", independent.GetProperty("jwt").GetProperty("typ").GetString());
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var strangerPoint = stranger.ExportParameters(false).Q;
        var strangerJwk = JsonSerializer.SerializeToElement(new
        {
            kty = "EC", crv = "P-256", x = System.Buffers.Text.Base64Url.EncodeToString(strangerPoint.X), y = System.Buffers.Text.Base64Url.EncodeToString(strangerPoint.Y),
        });
        var refused = await IndependentVerifiers.VerifyAsync(payload, strangerJwk, jwt);
        Assert.False(refused.GetProperty("lc1").GetProperty("valid").GetBoolean(), refused.ToString());
        Assert.False(refused.GetProperty("jwt").GetProperty("valid").GetBoolean(), refused.ToString());

        // A one-character change fails; garbage is a 400 problem, never a 500.
        var changed = payload[..20] + (payload[20] == 'A' ? 'B' : 'A') + payload[21..];
        var tampered = await anonymous.PostAsJsonAsync("/api/v1/licenses/verify", new { payload = changed });
        Assert.True(tampered.StatusCode == HttpStatusCode.BadRequest || !(await Http.Json(tampered)).GetProperty("valid").GetBoolean());
        await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/licenses/verify", new { payload = "hello" }), HttpStatusCode.BadRequest);

        // Only the issuing department revokes, with a reason; verification says so at once.
        await Http.Problem(await (await App.SignedIn("approver.zjj")).PostAsJsonAsync($"/api/v1/licenses/{id}/revoke", new { reason = "x" }), HttpStatusCode.Forbidden);
        var approver = await App.SignedIn("approver.scj");
        await Http.Problem(await approver.PostAsJsonAsync($"/api/v1/licenses/{id}/revoke", new { reason = "" }), HttpStatusCode.BadRequest);
        await Http.Json(await approver.PostAsJsonAsync($"/api/v1/licenses/{id}/revoke", new { reason = "以欺骗手段取得登记" }));
        var revoked = await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.False(revoked.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task The_printed_licence_has_its_facts_in_chinese_and_a_qr_that_opens_verify_with_the_signed_string()
    {
        var licence = await IssueAsync(App);
        var id = licence.GetProperty("id").GetString();
        var citizen = await App.SignedIn("citizen");
        var response = await citizen.GetAsync($"/api/v1/licenses/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var folder = Directory.CreateTempSubdirectory("onewindow-print-").FullName;
        var pdf = Path.Combine(folder, "licence.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        // A PDF reader finds the Chinese text (the number, the holder, the issuer); the person's ID number is masked on paper.
        var text = Tools.Run("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains("营业执照", text, StringComparison.Ordinal);
        Assert.Contains("李明", text, StringComparison.Ordinal);
        Assert.Contains("滨州市市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains(licence.GetProperty("licenseNumber").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("打印时状态：有效", text, StringComparison.Ordinal);
        Assert.DoesNotContain("371602199003151236", text, StringComparison.Ordinal);

        // Printed and scanned back, the QR is a /verify link carrying exactly the licence's signed string.
        Tools.Run("pdftoppm", "-r", "150", "-png", "-singlefile", pdf, Path.Combine(folder, "page"));
        var link = Tools.ReadQr(Path.Combine(folder, "page.png"));
        Directory.Delete(folder, recursive: true);
        var payload = (await Http.Json(await citizen.GetAsync($"/api/v1/licenses/{id}/qr"))).GetProperty("payload").GetString()!;
        var uri = new Uri(link);
        Assert.Equal("/verify", uri.AbsolutePath);
        Assert.Equal(payload, Uri.UnescapeDataString(uri.Query["?payload=".Length..]));

        // A phone's camera opens that link: the public page verifies it without signing in.
        var page = await App.Anonymous().GetStringAsync(uri.PathAndQuery);
        Assert.Contains("有效", page, StringComparison.Ordinal);

        // The same link QR is on the wallet page, and other people cannot print someone's licence.
        var linkQr = await citizen.GetAsync($"/api/v1/licenses/{id}/link-qr.png");
        Assert.Equal("image/png", linkQr.Content.Headers.ContentType!.MediaType);
        await Http.Problem(await (await App.SignedIn("citizen2")).GetAsync($"/api/v1/licenses/{id}/pdf"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_licence_past_its_validity_verifies_as_expired()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var enterprise = await app.SignedIn("enterprise");
        var id = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005"));
        await Applications.ActAsync(await app.SignedIn("clerk"), id, "accept");
        await Applications.ActAsync(await app.SignedIn("reviewer.scj"), id, "review", new { opinion = "现场核查符合要求", recommendation = "approve" });
        await Applications.ActAsync(await app.SignedIn("approver.scj"), id, "approve", new { opinion = "准予许可" });
        string? payload = null;
        await Http.Eventually(async () =>
        {
            var list = await Http.Json(await enterprise.GetAsync("/api/v1/licenses"));
            var licence = list.EnumerateArray().FirstOrDefault(l => l.GetProperty("caseId").GetString() == id);
            if (licence.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            Assert.Equal("2031-03-01", licence.GetProperty("validUntil").GetString()); // 食品经营许可证: five years
            payload = (await Http.Json(await enterprise.GetAsync($"/api/v1/licenses/{licence.GetProperty("id").GetString()}/qr"))).GetProperty("payload").GetString();
            return true;
        }, "approval did not issue the food business licence");

        clock.Advance(TimeSpan.FromDays(365 * 5 + 10));
        var answer = await Http.Json(await app.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
        Assert.Equal("expired", answer.GetProperty("status").GetString());
        Assert.Contains("到期", answer.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The holder's wallet says so too (tokens expire with the moved clock: sign in again).
        var wallet = await (await app.SignedIn("enterprise")).GetStringAsync("/my/licenses");
        Assert.Contains("已过期", wallet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_application_takes_the_business_licence_from_the_library_instead_of_an_upload()
    {
        // 企业设立登记 for the demo enterprise: approval issues its 营业执照.
        var enterprise = await App.SignedIn("enterprise2");
        var file = await Applications.UploadAsync(enterprise);
        var first = await Applications.SubmitAsync(enterprise, new
        {
            itemCode = "XK-SCJ-001",
            applicant = new { kind = "enterprise", uscc = "91371621MA3D1F7PX2", name = "惠民县绳网制品有限公司", mobile = "15905432222" },
            form = new Dictionary<string, object>
            {
                ["enterpriseName"] = "惠民县绳网制品有限公司", ["enterpriseType"] = "有限责任公司", ["registeredCapital"] = 200, ["legalRepName"] = "张秀兰",
                ["legalRepId"] = "371621198506213026", ["mobile"] = "15905432222", ["address"] = "滨州市惠民县孙武街道工业园 8 号", ["businessScope"] = "绳网制品制造与销售",
            },
            materials = RegistrationMaterials.Select(code => new { materialCode = code, fileId = file }).ToArray(),
        });
        await Applications.ActAsync(await App.SignedIn("clerk"), first, "accept");
        await Applications.ActAsync(await App.SignedIn("approver.scj"), first, "approve", new { opinion = "准予登记" });
        await Http.Eventually(async () => (await Http.Json(await enterprise.GetAsync("/api/v1/licenses"))).EnumerateArray()
            .Any(l => l.GetProperty("caseId").GetString() == first), "the business licence was not issued");

        // 食品经营许可: every material but the business licence is uploaded; with consent the library supplies it.
        var application = await Applications.EnterpriseAsync(enterprise, "XK-SCJ-005", "businessLicense");
        var json = JsonSerializer.SerializeToNode(application)!.AsObject();
        json["applicant"] = JsonSerializer.SerializeToNode(new { kind = "enterprise", uscc = "91371621MA3D1F7PX2", name = "惠民县绳网制品有限公司", mobile = "15905432222" });
        json["form"]!["enterpriseName"] = "惠民县绳网制品有限公司";
        json["form"]!["uscc"] = "91371621MA3D1F7PX2";
        json["licenseConsent"] = true;
        var second = await Applications.SubmitAsync(enterprise, json);
        var view = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{second}"));
        var fromLibrary = view.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("materialCode").GetString() == "businessLicense");
        Assert.StartsWith("1.2.156.3005.2.", fromLibrary.GetProperty("licenseId").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, fromLibrary.GetProperty("fileId").ValueKind);
        var accepted = await Applications.ActAsync(await App.SignedIn("clerk"), second, "accept"); // complete without an upload

        // 只提交一次: a later application with only its own form uploaded takes the rest over from that case.
        var onlyForm = JsonSerializer.SerializeToNode(json)!.AsObject();
        onlyForm["materials"] = new System.Text.Json.Nodes.JsonArray(onlyForm["materials"]!.AsArray()
            .Where(m => m!["materialCode"]!.GetValue<string>() == "application").Select(m => m!.DeepClone()).ToArray());
        var fourth = await Applications.SubmitAsync(enterprise, onlyForm);
        var reused = (await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{fourth}"))).GetProperty("materials").EnumerateArray()
            .Single(m => m.GetProperty("materialCode").GetString() == "premises");
        Assert.Equal(accepted.GetProperty("number").GetString(), reused.GetProperty("fromCase").GetString());
        await Applications.ActAsync(await App.SignedIn("clerk"), fourth, "accept");

        // Without consent nothing is taken; a licence of someone else cannot be named.
        json["licenseConsent"] = false;
        var third = await Applications.SubmitAsync(enterprise, json);
        await Applications.ActAsync(await App.SignedIn("clerk"), third, "accept", expect: HttpStatusCode.BadRequest);
        json["materials"]!.AsArray().Add(JsonSerializer.SerializeToNode(new { materialCode = "businessLicense", licenseId = "1.2.156.3005.2.X.Y.0001.001.Z" }));
        var foreign = await enterprise.PostAsJsonAsync("/api/v1/cases", json);
        var problem = await Http.Problem(foreign, HttpStatusCode.BadRequest, "case:invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("materials.businessLicense", out _));

        // 补正 by naming a licence: someone else's is refused field by field, the applicant's own is taken.
        await Applications.ActAsync(await App.SignedIn("clerk"), third, "request-supplement",
            new { items = new[] { new { materialCode = "businessLicense", reason = "请提供营业执照" } } });
        var refused = await Applications.ActAsync(enterprise, third, "supplement",
            new { materials = new[] { new { materialCode = "businessLicense", licenseId = "1.2.156.3005.2.X.Y.0001.001.Z" } } }, expect: HttpStatusCode.BadRequest);
        Assert.Contains("不属于申请人", refused.GetProperty("errors").GetProperty("materials.businessLicense")[0].GetString(), StringComparison.Ordinal);
        var malformed = await Applications.ActAsync(enterprise, third, "supplement",
            new { materials = new[] { new { materialCode = "businessLicense", licenseId = "营业执照 123" } } }, expect: HttpStatusCode.BadRequest);
        Assert.Contains("证照标识应以", malformed.GetProperty("errors").GetProperty("materials.businessLicense")[0].GetString(), StringComparison.Ordinal);
        var own = fromLibrary.GetProperty("licenseId").GetString();
        var supplemented = await Applications.ActAsync(enterprise, third, "supplement", new { materials = new[] { new { materialCode = "businessLicense", licenseId = own } } });
        Assert.Equal(own, supplemented.GetProperty("materials").EnumerateArray()
            .Single(m => m.GetProperty("materialCode").GetString() == "businessLicense").GetProperty("licenseId").GetString());
    }

    [Fact]
    public async Task A_rotated_e_seal_signs_new_licences_and_the_old_ones_still_verify()
    {
        var before = await IssueAsync(App);
        await Http.Problem(await (await App.SignedIn("approver.scj")).PostAsync("/api/v1/eseals/371600-SCJ/rotate", null), HttpStatusCode.Forbidden);
        var jwks = await Http.Json(await (await App.SignedIn("head.scj")).PostAsync("/api/v1/eseals/371600-SCJ/rotate", null));
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == before.GetProperty("kid").GetString());

        var after = await IssueAsync(App);
        Assert.NotEqual(before.GetProperty("kid").GetString(), after.GetProperty("kid").GetString());
        var citizen = await App.SignedIn("citizen");
        foreach (var licence in new[] { before, after })
        {
            var payload = (await Http.Json(await citizen.GetAsync($"/api/v1/licenses/{licence.GetProperty("id").GetString()}/qr"))).GetProperty("payload").GetString();
            var answer = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload }));
            Assert.True(answer.GetProperty("valid").GetBoolean(), answer.ToString());
        }
    }

    [Fact]
    public async Task A_qr_signed_by_an_unknown_key_is_invalid_with_a_clear_message()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = LicenseQr.Encode(new QrClaims("伪造机关", "1.2.156.3005.2.X.Y.0001.001.Z", "营业执照", "某某", "1***", new Dictionary<string, string>(),
            new DateOnly(2026, 1, 1), null, DateTimeOffset.UtcNow), Kids.Of(stranger), stranger);
        var answer = await Http.Json(await App.Anonymous().PostAsJsonAsync("/api/v1/licenses/verify", new { payload = forged }));
        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Equal("invalid", answer.GetProperty("status").GetString());
        Assert.Contains("不是本平台公布的电子印章", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

public sealed class LicenseTestsOnSqlite(SqliteFixture fixture) : LicenseTests(fixture), IClassFixture<SqliteFixture>;

public sealed class LicenseTestsOnPostgres(PostgresFixture fixture) : LicenseTests(fixture), IClassFixture<PostgresFixture>;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 20: a walk-in applicant follows their case without an account (number + the last six characters of the ID),
/// sees no personal data, and finds the case in their account only once their identity is verified.
/// </summary>
public abstract class CaseTrackingTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    /// <summary>A clerk takes and accepts an application at the counter for someone with no account.</summary>
    private async Task<(string CaseId, JsonElement Accepted, string Id, string Mobile)> WalkInAsync(string name, string address)
    {
        var id = People.ResidentId();
        var mobile = People.Mobile();
        var clerk = await App.SignedIn("clerk");
        var file = await Applications.UploadAsync(clerk);
        var caseId = await Applications.SubmitAsync(clerk, new
        {
            itemCode = "XK-SCJ-004", channel = "counter",
            applicant = new { kind = "person", idNumber = id, name, mobile },
            form = new Dictionary<string, object> { ["applicantName"] = name, ["residentId"] = id, ["mobile"] = mobile, ["address"] = address },
            materials = new[] { new { materialCode = "application", fileId = file }, new { materialCode = "premises", fileId = file } },
        });
        return (caseId, await Applications.ActAsync(clerk, caseId, "accept"), id, mobile);
    }

    [Fact]
    public async Task A_walk_in_applicant_without_the_id_at_hand_gets_a_code_by_sms_and_a_wrong_code_gets_the_unknown_answer()
    {
        var (_, accepted, id, mobile) = await WalkInAsync("钱短信", "滨州市滨城区渤海七路 2 号");
        var number = accepted.GetProperty("number").GetString()!;
        var anonymous = App.Anonymous();

        // Known or not, the number gets the same answer; only a real case's registered mobile gets a message.
        var unknown = await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/cases/track/sms", new { number = "371600-20991231-999999" }));
        var known = await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/cases/track/sms", new { number }));
        Assert.Equal(unknown.GetProperty("message").GetString(), known.GetProperty("message").GetString());
        Assert.DoesNotContain(mobile[^4..], known.GetRawText(), StringComparison.Ordinal);
        string? code = null;
        await Http.Eventually(async () => File.Exists(App.NotificationLog)
            && (code = System.Text.RegularExpressions.Regex.Match(await File.ReadAllTextAsync(App.NotificationLog), $"办件 {number} 的进度查询验证码为 (\\d{{6}})") is { Success: true } m ? m.Groups[1].Value : null) is not null,
            "no tracking code was sent");

        // A wrong code is answered like an unknown number; the right one shows the progress without personal data.
        var wrong = (int.Parse(code!, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000;
        var refused = await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/cases/track/sms/verify", new { number, code = wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.NotFound);
        var nowhere = await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/cases/track/sms/verify", new { number = "371600-20991231-999999", code }), HttpStatusCode.NotFound);
        Assert.Equal(nowhere.GetProperty("title").GetString(), refused.GetProperty("title").GetString());
        var bad = await Http.Problem(await anonymous.PostAsJsonAsync("/api/v1/cases/track/sms/verify", new { number, code = "12ab" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("smsCode", out _));

        var response = await anonymous.PostAsJsonAsync("/api/v1/cases/track/sms/verify", new { number, code });
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", JsonDocument.Parse(text).RootElement.GetProperty("status").GetString());
        foreach (var personal in new[] { id, mobile, "钱短信", "渤海七路" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_walk_in_applicant_looks_the_case_up_by_number_and_id_tail_and_sees_it_in_the_account_after_verification()
    {
        var (_, accepted, id, mobile) = await WalkInAsync("赵窗口", "滨州市滨城区渤海七路 1 号");
        var number = accepted.GetProperty("number").GetString()!;

        // Anyone with the number and the tail sees status, dates and steps — and nothing personal.
        var anonymous = App.Anonymous();
        var response = await anonymous.GetAsync($"/api/v1/cases/track?number={Uri.EscapeDataString(number)}&idTail={id[^6..]}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tracked = JsonDocument.Parse(text).RootElement;
        Assert.Equal("accepted", tracked.GetProperty("status").GetString());
        Assert.Equal(accepted.GetProperty("dueDate").GetString(), tracked.GetProperty("dueDate").GetString());
        Assert.Contains(tracked.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "受理");
        foreach (var personal in new[] { id, id[^6..], mobile, "赵窗口", "渤海七路" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        var page = await (await anonymous.GetAsync($"/track?number={Uri.EscapeDataString(number)}&idTail={id[^6..]}")).Content.ReadAsStringAsync();
        Assert.Contains("已受理", page, StringComparison.Ordinal);
        Assert.DoesNotContain("赵窗口", page, StringComparison.Ordinal);

        // A wrong tail gets exactly the unknown-number answer; a malformed one is told which field is wrong.
        var wrongTail = id[^6..] == "000000" ? "111111" : "000000";
        var wrong = await Http.Problem(await anonymous.GetAsync($"/api/v1/cases/track?number={Uri.EscapeDataString(number)}&idTail={wrongTail}"), HttpStatusCode.NotFound);
        var unknown = await Http.Problem(await anonymous.GetAsync($"/api/v1/cases/track?number=371600-20990101-99999&idTail={id[^6..]}"), HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("type").GetString(), wrong.GetProperty("type").GetString());
        Assert.Equal(unknown.GetProperty("title").GetString(), wrong.GetProperty("title").GetString());
        var bad = await Http.Problem(await anonymous.GetAsync($"/api/v1/cases/track?number={Uri.EscapeDataString(number)}&idTail=12"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("idTail", out _), bad.ToString());

        // Registering with the same ID shows nothing yet; after 实名核验 at the counter the case is in 我的办件.
        var userName = "w" + Guid.NewGuid().ToString("N")[..10];
        await Http.Json(await anonymous.PostAsJsonAsync("/api/v1/auth/register", new
        {
            kind = "person", userName, password = "Password123", name = "赵窗口", identityCode = id, mobile,
        }), HttpStatusCode.Created);
        var person = await App.SignedIn(userName, "Password123");
        Assert.Equal(0, (await Http.Json(await person.GetAsync("/api/v1/cases?view=mine"))).GetProperty("total").GetInt32());
        var clerk = await App.SignedIn("clerk");
        await Http.Json(await clerk.PostAsJsonAsync("/api/v1/identity-verifications/counter", new { userName, identityCode = id }));
        await Http.Eventually(async () => (await Http.Json(await person.GetAsync("/api/v1/cases?view=mine"))).GetProperty("items").EnumerateArray()
            .Any(c => c.GetProperty("number").GetString() == number), "the verified account does not show the counter case");
    }
}

public sealed class CaseTrackingTestsOnSqlite(SqliteFixture fixture) : CaseTrackingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CaseTrackingTestsOnPostgres(PostgresFixture fixture) : CaseTrackingTests(fixture), IClassFixture<PostgresFixture>;

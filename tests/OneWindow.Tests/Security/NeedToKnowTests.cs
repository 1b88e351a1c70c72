namespace OneWindow.Tests.Security;

/// <summary>Issue 17, must-show 3: the attacks of the review, reproduced, now failing; and personal data only to handlers.</summary>
public abstract class NeedToKnowTests(string provider) : IAsyncLifetime
{
    // Monday 2 March 2026, 09:00 in China: the halls are open.
    private static readonly DateTimeOffset Opening = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private const string CityHall = "0193a000-0000-7000-8000-000000371600";

    private TestDatabase _database = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock(Opening);
        _app = new TestApp(_database, services: s => s.AddSingleton<TimeProvider>(clock));
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> CounterAsync(int number, string hall = CityHall)
    {
        var counters = await Http.Json(await _app.Anonymous().GetAsync($"/api/v1/halls/{hall}/counters"));
        return counters.EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == number).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Only_the_halls_own_clerks_and_guides_sign_in_at_its_counters_and_see_its_tickets_without_the_code()
    {
        var counter = await CounterAsync(3);
        foreach (var outsider in new[] { "hotline", "approver.zjj", "supervisor", "reviewer.scj", "citizen" })
        {
            await Http.Problem(await (await _app.SignedIn(outsider)).PostAsync($"/api/v1/counters/{counter}/sign-in", null), HttpStatusCode.Forbidden);
        }

        // A county's clerk is a clerk, but not of this hall.
        await Http.Problem(await (await _app.SignedIn("clerk.bincheng")).PostAsync($"/api/v1/counters/{counter}/sign-in", null),
            HttpStatusCode.Forbidden, "counter:not-your-hall");

        // A citizen's ticket: its holder (with the code) sees it masked; the hall's guide sees it whole; other staff not at all.
        var phone = _app.Anonymous();
        var ticket = await Http.Json(await phone.PostAsJsonAsync($"/api/v1/halls/{CityHall}/tickets", new { group = "A", mobile = "13805439999" }), HttpStatusCode.Created);
        var id = ticket.GetProperty("id").GetString();
        var code = ticket.GetProperty("accessCode").GetString();
        Assert.Equal("138****9999", (await Http.Json(await phone.GetAsync($"/api/v1/tickets/{id}?code={code}"))).GetProperty("mobile").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        foreach (var outsider in new[] { "hotline", "approver.zjj", "clerk.bincheng" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignedIn(outsider)).GetAsync($"/api/v1/tickets/{id}")).StatusCode);
        }

        Assert.Equal("13805439999", (await Http.Json(await (await _app.SignedIn("guide")).GetAsync($"/api/v1/tickets/{id}"))).GetProperty("mobile").GetString());

        // The hall's clerk signs in, calls the ticket and gets the mobile; hotline cannot call or cancel anything here.
        var clerk = await _app.SignedIn("clerk");
        await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter}/sign-in", null));
        await Http.Problem(await (await _app.SignedIn("hotline")).PostAsync($"/api/v1/counters/{counter}/call-next", null), HttpStatusCode.Forbidden);
        var called = await Http.Json(await clerk.PostAsync($"/api/v1/counters/{counter}/call-next", null));
        Assert.Equal("13805439999", called.GetProperty("ticket").GetProperty("mobile").GetString());
    }

    [Fact]
    public async Task A_citizens_appointment_is_cancelled_only_by_them_or_the_halls_staff()
    {
        var citizen = await _app.SignedIn("citizen");
        var booked = await Http.Json(await citizen.PostAsJsonAsync($"/api/v1/halls/{CityHall}/appointments",
            new { group = "A", day = "2026-03-03", slot = "10:30", mobile = "13805431234" }), HttpStatusCode.Created);
        var id = booked.GetProperty("id").GetString();
        foreach (var outsider in new[] { "hotline", "citizen2", "clerk.huimin", "approver.scj" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignedIn(outsider)).PostAsync($"/api/v1/appointments/{id}/cancel", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await (await _app.SignedIn("guide")).PostAsync($"/api/v1/appointments/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Materials_licences_and_personal_data_reach_the_cases_handlers_only()
    {
        var enterprise = await _app.SignedIn("enterprise");
        var file = await Applications.UploadAsync(enterprise);
        var materials = (await Applications.MaterialCodesAsync(enterprise, "XK-SCJ-005")).Select(c => new { materialCode = c, fileId = file }).ToArray();
        var caseId = await Applications.SubmitAsync(enterprise, new
        {
            itemCode = "XK-SCJ-005",
            applicant = new { kind = "enterprise", uscc = Applications.EnterpriseUscc, name = "滨州市黄河餐饮管理有限公司", mobile = "15305431111" },
            form = Applications.EnterpriseForm, materials,
        });

        // The uploaded material: the applicant and the case's handlers; not another county's clerk, nor hotline, nor another department.
        Assert.Equal(HttpStatusCode.OK, (await enterprise.GetAsync($"/api/v1/files/{file}")).StatusCode);
        foreach (var handler in new[] { "clerk", "reviewer.scj", "approver.scj" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await _app.SignedIn(handler)).GetAsync($"/api/v1/files/{file}")).StatusCode);
        }

        foreach (var outsider in new[] { "clerk.huimin", "hotline", "reviewer.zjj", "citizen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignedIn(outsider)).GetAsync($"/api/v1/files/{file}")).StatusCode);
        }

        // The case: hotline sees it masked (to answer a caller), another department not at all, the clerk in full, and that view is audited.
        var masked = await Http.Json(await (await _app.SignedIn("hotline")).GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Equal("9137**********2L6B", masked.GetProperty("applicantCode").GetString());
        Assert.Equal("3716**********1236", masked.GetProperty("form").GetProperty("legalRepId")[0].GetString());
        Assert.Equal("153****1111", masked.GetProperty("form").GetProperty("mobile")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignedIn("reviewer.zjj")).GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(0, (await Http.Json(await (await _app.SignedIn("reviewer.zjj")).GetAsync("/api/v1/cases?view=all"))).GetProperty("items").EnumerateArray()
            .Count(c => c.GetProperty("id").GetString() == caseId));
        var full = await Http.Json(await (await _app.SignedIn("clerk")).GetAsync($"/api/v1/cases/{caseId}"));
        Assert.Equal(Applications.EnterpriseUscc, full.GetProperty("applicantCode").GetString());
        await using (var scope = _app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
            Assert.True(await db.Set<OneWindow.Platform.Audit.AuditEntry>().AnyAsync(a => a.SubjectType == "PersonalData" && a.SubjectId == caseId && a.Action == "CaseViewed"));
        }

        // Licences: hotline cannot look a holder up; another department cannot open one it did not issue.
        await Http.Problem(await (await _app.SignedIn("hotline")).GetAsync($"/api/v1/licenses?holder={Applications.EnterpriseUscc}"), HttpStatusCode.Forbidden, "license:forbidden");
    }
}

public sealed class NeedToKnowTestsOnSqlite() : NeedToKnowTests("sqlite");

public sealed class NeedToKnowTestsOnPostgres() : NeedToKnowTests("postgres");

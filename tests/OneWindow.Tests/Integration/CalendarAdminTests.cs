namespace OneWindow.Tests.Integration;

/// <summary>Administrators maintain the calendar; every edit is audited and guarded against stale writes.</summary>
public abstract class CalendarAdminTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    private static object Year2031(int? version = null, string makeUp = "2031-10-11") => new
    {
        year = 2031,
        source = "测试：模拟国务院办公厅通知",
        version,
        days = new object[]
        {
            new { date = "2031-10-01", name = "国庆节", isOffDay = true },
            new { date = "2031-10-02", name = "国庆节", isOffDay = true },
            new { date = "2031-10-03", name = "国庆节", isOffDay = true },
            new { date = makeUp, name = "国庆节", isOffDay = false },
        },
    };

    [Fact]
    public async Task An_admin_publishes_a_new_year_and_due_dates_use_it_at_once()
    {
        var admin = await App.SignedIn("admin");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await App.Anonymous().GetAsync("/api/v1/calendar/due-date?from=2031-09-30&workingDays=1")).StatusCode);

        var saved = await Http.Json(await admin.PutAsJsonAsync("/api/v1/calendar/2031", Year2031()));
        Assert.Equal(4, saved.GetProperty("days").GetArrayLength());

        // 2031-09-30 is a Tuesday; 10-01..03 are off, 10-04/05 a weekend, so the next working day is Monday 10-06.
        var due = await Http.Json(await App.Anonymous().GetAsync("/api/v1/calendar/due-date?from=2031-09-30&workingDays=1"));
        Assert.Equal("2031-10-06", due.GetProperty("dueDate").GetString());
        // Saturday 10-11 is a make-up working day.
        var makeUp = await Http.Json(await App.Anonymous().GetAsync("/api/v1/calendar/due-date?from=2031-10-10&workingDays=1"));
        Assert.Equal("2031-10-11", makeUp.GetProperty("dueDate").GetString());

        var verify = await Http.Json(await App.Anonymous().GetAsync("/api/v1/audit/verify"));
        Assert.True(verify.GetProperty("ok").GetBoolean());
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OneWindow.Platform.Data.AppDbContext>();
        Assert.True(db.Set<OneWindow.Platform.Audit.AuditEntry>().Any(e => e.SubjectType == "CalendarYear" && e.SubjectId == "2031" && e.ActorName == "系统管理员"));
    }

    [Fact]
    public async Task A_stale_version_loses_with_409_and_changes_nothing()
    {
        var admin = await App.SignedIn("admin");
        var first = await Http.Json(await admin.PutAsJsonAsync("/api/v1/calendar/2033", Year2033(null, "第一版")));
        var version = first.GetProperty("version").GetInt32();

        var winner = await admin.PutAsJsonAsync("/api/v1/calendar/2033", Year2033(version, "第二版"));
        Assert.Equal(HttpStatusCode.OK, winner.StatusCode);
        var loser = await admin.PutAsJsonAsync("/api/v1/calendar/2033", Year2033(version, "第三版"));
        await Http.Problem(loser, HttpStatusCode.Conflict, "concurrency:stale");

        var now = await Http.Json(await App.Anonymous().GetAsync("/api/v1/calendar/2033"));
        Assert.Equal("第二版", now.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Two_concurrent_edits_of_the_same_version_one_wins_one_conflicts()
    {
        var admin = await App.SignedIn("admin");
        var first = await Http.Json(await admin.PutAsJsonAsync("/api/v1/calendar/2034", Year2034(null, "初版")));
        var version = first.GetProperty("version").GetInt32();
        var results = await Task.WhenAll(
            admin.PutAsJsonAsync("/api/v1/calendar/2034", Year2034(version, "甲")),
            admin.PutAsJsonAsync("/api/v1/calendar/2034", Year2034(version, "乙")));
        var statuses = results.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
    }

    [Fact]
    public async Task An_invalid_arrangement_is_rejected_field_by_field()
    {
        var admin = await App.SignedIn("admin");
        var json = await Http.Problem(await admin.PutAsJsonAsync("/api/v1/calendar/2031", Year2031(makeUp: "2031-10-08")),
            HttpStatusCode.BadRequest, "calendar:invalid");
        Assert.True(json.GetProperty("errors").TryGetProperty("days[3].isOffDay", out _));

        var nulls = await admin.PutAsJsonAsync("/api/v1/calendar/2031", new { year = 2031, days = new object?[] { null } });
        await Http.Problem(nulls, HttpStatusCode.BadRequest, "calendar:invalid");
        var noDays = await admin.PutAsJsonAsync("/api/v1/calendar/2031", new { year = 2031 });
        await Http.Problem(noDays, HttpStatusCode.BadRequest, "calendar:invalid");
    }

    private static object Year2033(int? version, string source) => new
    {
        year = 2033, source, version,
        days = new object[] { new { date = "2033-01-03", name = "元旦", isOffDay = true } },
    };

    private static object Year2034(int? version, string source) => new
    {
        year = 2034, source, version,
        days = new object[] { new { date = "2034-01-02", name = "元旦", isOffDay = true } },
    };
}

public sealed class CalendarAdminTestsOnSqlite(SqliteFixture fixture) : CalendarAdminTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CalendarAdminTestsOnPostgres(PostgresFixture fixture) : CalendarAdminTests(fixture), IClassFixture<PostgresFixture>;

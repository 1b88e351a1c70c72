namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 20: the calendar has no cliff. A case accepted in December whose deadline runs into a year not yet published
/// gets a provisional due date counted on weekends alone (暂定), and importing that year recomputes it.
/// </summary>
public abstract class ProvisionalDueDateTests(AppFixture fixture)
{
    [Fact]
    public async Task A_december_acceptance_gets_a_provisional_due_date_that_importing_next_year_recomputes()
    {
        await using var database = await fixture.NewDatabaseAsync();
        var clock = new TestClock(new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Beijing
        await using var app = new TestApp(database, services: s => s.AddSingleton<TimeProvider>(clock),
            settings: new Dictionary<string, string?> { ["Intake:DeadlineJob"] = "false" });
        var admin = await app.SignedIn("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/calendar/2027")).StatusCode);
        // From October the administrators' workbench says next year is missing.
        Assert.Contains("calendar-missing", await (await admin.GetAsync("/workbench")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 食品生产许可: 10 working days, so a Sunday-before-Christmas acceptance runs into 2027.
        var enterprise = await app.SignedIn("enterprise");
        var id = await Applications.SubmitAsync(enterprise, await Applications.EnterpriseAsync(enterprise, "XK-SCJ-012"));
        var accepted = await Applications.ActAsync(await app.SignedIn("clerk"), id, "accept");
        var days = accepted.GetProperty("committedDays").GetInt32();
        Assert.True(accepted.GetProperty("dueDateProvisional").GetBoolean(), accepted.ToString());

        // Weekdays only after 2026-12-20 (no 2026 holiday is left by then); 2027 counted the same way until it is published.
        static DateOnly Count(DateOnly from, int n, ISet<DateOnly> off)
        {
            var day = from;
            while (n > 0)
            {
                day = day.AddDays(1);
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !off.Contains(day))
                {
                    n--;
                }
            }

            return day;
        }

        var start = new DateOnly(2026, 12, 20);
        var provisional = Count(start, days, new HashSet<DateOnly>());
        Assert.True(provisional.Year == 2027, $"the item's {days} working days should reach into 2027");
        Assert.Equal(provisional.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), accepted.GetProperty("dueDate").GetString());
        var page = await (await (await app.SignedIn("clerk")).GetAsync($"/cases/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("暂定", page, StringComparison.Ordinal);

        // The State Council's notice arrives: New Year's Day and three days of January are off.
        var off = new[] { "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06" };
        await Http.Json(await admin.PutAsJsonAsync("/api/v1/calendar/2027", new
        {
            year = 2027, source = "测试：模拟国务院办公厅通知",
            days = off.Select(d => new { date = d, name = "元旦", isOffDay = true }).ToArray(),
        }));
        var expected = Count(start, days, off.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
        Assert.NotEqual(provisional, expected);

        JsonElement recomputed = default;
        await Http.Eventually(async () =>
        {
            recomputed = await Http.Json(await enterprise.GetAsync($"/api/v1/cases/{id}"));
            return !recomputed.GetProperty("dueDateProvisional").GetBoolean();
        }, "importing 2027 did not recompute the provisional due date");
        Assert.Equal(expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), recomputed.GetProperty("dueDate").GetString());
        Assert.Contains(recomputed.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("action").GetString() == "DueDateRecomputed");
        Assert.DoesNotContain("calendar-missing", await (await admin.GetAsync("/workbench")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class ProvisionalDueDateTestsOnSqlite(SqliteFixture fixture) : ProvisionalDueDateTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ProvisionalDueDateTestsOnPostgres(PostgresFixture fixture) : ProvisionalDueDateTests(fixture), IClassFixture<PostgresFixture>;

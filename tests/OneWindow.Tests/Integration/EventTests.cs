using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Licenses.Domain;
using OneWindow.Modules.Notifications.Domain;
using OneWindow.Platform.Data;
using OneWindow.Platform.Outbox;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 18: facts are typed records, and a message stored by an earlier build (one <c>intake.case-changed</c> shape with an
/// <c>action</c> string) is still delivered: a grant waiting in the outbox across the upgrade still issues its licence.
/// </summary>
public abstract class EventTests(AppFixture fixture)
{
    [Fact]
    public async Task A_grant_stored_in_the_old_string_format_still_issues_the_licence_and_tells_the_applicant()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var citizen = await app.SignedIn("citizen");
        var id = await Applications.SubmitBusinessRegistrationAsync(citizen);
        await Applications.ActAsync(await app.SignedIn("clerk"), id, "accept");
        await Applications.ActAsync(await app.SignedIn("approver.scj"), id, "approve", new { opinion = "准予登记" });

        var caseId = Guid.Parse(id);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null).ToListAsync();
            var granted = messages.Single(m => m.Type == "intake.case-granted" && m.Payload.Contains(id, StringComparison.Ordinal));
            Assert.Equal(1, granted.Version);

            // Rewritten as the build before typed events stored it: same fields, one type, the step in "action".
            var e = JsonSerializer.Deserialize<JsonElement>(granted.Payload);
            var old = new Dictionary<string, object?>
            {
                ["caseId"] = e.GetProperty("caseId").GetGuid(), ["number"] = e.GetProperty("number").GetString(), ["itemName"] = e.GetProperty("itemName").GetString(),
                ["action"] = "CaseApproved", ["status"] = e.GetProperty("status").GetString(), ["applicantUserId"] = e.GetProperty("applicantUserId").GetString(),
                ["applicantMobile"] = e.GetProperty("applicantMobile").GetString(), ["regionCode"] = e.GetProperty("regionCode").GetString(),
                ["departmentCode"] = e.GetProperty("departmentCode").GetString(), ["outcome"] = null, ["bundleApplicationId"] = null,
            };
            await db.Set<OutboxMessage>().Where(m => m.Id == granted.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Type, "intake.case-changed").SetProperty(m => m.Payload, JsonSerializer.Serialize(old)));
            // Only the old-format message is left to deliver: the others are settled as they were.
            await db.Set<OutboxMessage>().Where(m => m.Id != granted.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, DateTimeOffset.UtcNow));
        }

        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(1, await dispatcher.DispatchPendingAsync(CancellationToken.None));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Set<License>().CountAsync(l => l.CaseId == caseId));
            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Type == "intake.case-changed");
            Assert.NotNull(message.ProcessedAt);
            Assert.Null(message.LastError);
            Assert.Contains(await db.Set<Notification>().Select(n => n.Body).ToListAsync(), b => b.Contains("已准予许可", StringComparison.Ordinal));
        }

        var licences = await Http.Json(await citizen.GetAsync("/api/v1/licenses"));
        Assert.Contains(licences.EnumerateArray(), l => l.GetProperty("caseId").GetString() == id);
    }

    [Fact]
    public async Task An_old_format_message_of_a_step_nobody_handles_any_more_is_settled_not_failed()
    {
        await using var database = await fixture.NewDatabaseAsync();
        await using var app = new TestApp(database, demo: false, settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var id = Guid.CreateVersion7();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new OutboxMessage
            {
                Id = id, Type = "intake.case-changed", Payload = JsonSerializer.Serialize(new { caseId = Guid.NewGuid(), action = "SomethingRetired", regionCode = "371600" }),
                RegionCode = "371600", OccurredAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None));
        await using (var scope = app.Scope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().SingleAsync(m => m.Id == id);
            Assert.NotNull(message.ProcessedAt);
            Assert.Null(message.FailedAt);
        }
    }
}

public sealed class EventTestsOnSqlite(SqliteFixture fixture) : EventTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EventTestsOnPostgres(PostgresFixture fixture) : EventTests(fixture), IClassFixture<PostgresFixture>;

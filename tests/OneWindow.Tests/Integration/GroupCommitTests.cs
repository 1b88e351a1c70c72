using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;

namespace OneWindow.Tests.Integration;

/// <summary>
/// Issue 19, ADR 0019: every unit of work goes through one writer that commits concurrent members together. A member
/// that loses a race (a stale version) fails alone: the rest of its group commits.
/// </summary>
public abstract class GroupCommitTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Members_queued_while_a_group_commits_commit_together_and_a_stale_one_fails_alone()
    {
        var citizen = await App.SignedIn("citizen");
        var caseId = Guid.Parse(await Applications.SubmitBusinessRegistrationAsync(citizen));
        var writer = App.Services.GetRequiredService<GroupCommit>();
        var scopes = new List<AsyncServiceScope>();
        AppDbContext NewContext()
        {
            var scope = App.Scope();
            scopes.Add(scope);
            return scope.ServiceProvider.GetRequiredService<AppDbContext>();
        }

        try
        {
            // Two officers read the same case at the same version.
            var (first, second) = (NewContext(), NewContext());
            var mine = await first.Set<Case>().SingleAsync(c => c.Id == caseId);
            var theirs = await second.Set<Case>().SingleAsync(c => c.Id == caseId);
            mine.ReviewOpinion = "先到者的意见";
            theirs.ReviewOpinion = "后到者的意见";

            // Every writer is busy with a group (SQLite has one, PostgreSQL several); meanwhile ten members queue.
            var releases = new List<TaskCompletionSource>();
            var blocking = new List<Task<(bool Kept, long Group)>>();
            for (var w = 0; w < writer.MaxWriters; w++)
            {
                var busy = new TaskCompletionSource();
                var release = new TaskCompletionSource();
                releases.Add(release);
                blocking.Add(writer.RunInGroupAsync(NewContext(), async () =>
                {
                    busy.SetResult();
                    await release.Task;
                    return true;
                }));
                await busy.Task;
            }

            var tag = Guid.NewGuid().ToString("N");
            var queued = new List<Task<(bool Kept, long Group)>>();
            for (var i = 0; i < 8; i++)
            {
                var db = NewContext();
                var trail = scopes[^1].ServiceProvider.GetRequiredService<AuditTrail>();
                var n = i;
                queued.Add(writer.RunInGroupAsync(db, async () =>
                {
                    trail.Record(new AuditRecord("371600", "Test", $"{tag}-{n}", "Written", new { n }), "test", "测试");
                    await db.SaveChangesAsync();
                    return true;
                }));
            }

            queued.Add(writer.RunInGroupAsync(first, async () =>
            {
                await first.SaveChangesAsync();
                return true;
            }));
            var stale = writer.RunInGroupAsync(second, async () =>
            {
                await second.SaveChangesAsync();
                return true;
            });

            // One writer is let go: it takes everything queued as one group. Then the others.
            releases[0].SetResult();
            var blocked = await blocking[0];
            var committed = await Task.WhenAll(queued);
            releases.ForEach(r => r.TrySetResult());
            await Task.WhenAll(blocking);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale);

            Assert.All(committed, c => Assert.True(c.Kept));
            Assert.Single(committed.Select(c => c.Group).Distinct());
            Assert.True(committed[0].Group > blocked.Group, "the queued members waited for the busy group and then committed in one");

            await using var check = App.Scope();
            var read = check.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal("先到者的意见", (await read.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId)).ReviewOpinion);
            var subjects = Enumerable.Range(0, 8).Select(i => $"{tag}-{i}").ToList();
            Assert.Equal(8, await read.Set<AuditEntry>().CountAsync(e => e.SubjectType == "Test" && subjects.Contains(e.SubjectId)));
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}

public sealed class GroupCommitTestsOnSqlite(SqliteFixture fixture) : GroupCommitTests(fixture), IClassFixture<SqliteFixture>;

public sealed class GroupCommitTestsOnPostgres(PostgresFixture fixture) : GroupCommitTests(fixture), IClassFixture<PostgresFixture>;

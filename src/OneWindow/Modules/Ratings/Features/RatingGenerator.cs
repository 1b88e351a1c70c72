using OneWindow.Modules.Ratings.Contracts;
using OneWindow.Modules.Ratings.Domain;
using OneWindow.Platform.Cli;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Ratings.Features;

/// <summary>
/// The generator's ratings (ADR 0026, decision 6): the cases the generator completed are rated, in the order they were made, by
/// portal, pad or phone, most 非常满意 and a few 不满意 (the rollups count each, <see cref="RatingGiven"/>). A generated
/// 不满意 opens no rectification: it is load, not a citizen's complaint.
/// </summary>
internal sealed class RatingGenerator : IDataGenerator
{
    public int Order => 30;

    public string Label => "评价";

    public long Planned(GenerationPlan plan) => plan.Ratings;

    public async Task<long> GenerateAsync(GenerationRun run, CancellationToken ct)
    {
        var plan = run.Plan;
        var total = Math.Min(plan.Ratings, run.Closed.Count);
        var random = new Random(plan.Seed + 2);
        var progress = run.Progress(Label, total);
        var batch = new List<Rating>(plan.BatchSize);
        var periodEnd = Timestamps.AtChinaTime(plan.To.AddDays(1));
        foreach (var s in run.Closed.Take((int)total))
        {
            var level = random.NextDouble() switch { < 0.82 => 5, < 0.95 => 4, < 0.98 => 3, < 0.995 => 2, _ => 1 };
            var at = s.ClosedAt.AddMinutes(random.Next(5, 600));
            at = at < periodEnd ? at : periodEnd.AddMinutes(-1); // within the period it was generated for
            var rating = new Rating
            {
                Id = Guid.CreateVersion7(at), RegionCode = s.RegionCode, SubjectType = RatingSubject.Case, SubjectId = s.Id.ToString(), SubjectLabel = s.Label,
                Level = level, Channel = random.NextDouble() switch { < 0.6 => RatingChannel.Portal, < 0.9 => RatingChannel.Pad, _ => RatingChannel.Phone },
                DepartmentCode = s.DepartmentCode, CreatedAt = at,
                Comment = level <= 2 ? "办理时间比预期长，希望改进" : null,
            };
            batch.Add(rating);
            run.Facts.Count(new RatingGiven(rating.Id, "case", rating.SubjectId, 0, level, rating.Comment, s.RegionCode)
            {
                DepartmentCode = s.DepartmentCode, Day = DateOnly.FromDateTime(Timestamps.InChina(at).DateTime),
            });
            if (batch.Count >= plan.BatchSize)
            {
                await run.WriteAsync(batch, ct);
                progress.Add(batch.Count);
                batch.Clear();
            }
        }

        await run.WriteAsync(batch, ct);
        progress.Add(batch.Count);
        progress.Finish();
        return progress.Done;
    }
}

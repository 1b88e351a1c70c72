using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Queue.Domain;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Contracts;

/// <summary>A ticket as other modules (ratings) read it.</summary>
public sealed record TicketFacts(
    Guid Id, string Number, Guid HallId, string HallName, string RegionCode, string Status, bool Served, string? UserId, string? DepartmentCode, Guid? CounterId,
    int? CounterNumber, string? ServedBy, string? ServedByName, DateTimeOffset? FinishedAt)
{
    internal string AccessCode { get; init; } = "";

    /// <summary>Whether <paramref name="code"/> is the secret of the ticket's phone link.</summary>
    public bool Opens(string? code) => QueueTicket.Opens(AccessCode, code);
}

/// <summary>A hall and how many are waiting in it today (the service map shows it live).</summary>
public sealed record HallWaiting(Guid HallId, string Name, string RegionCode, int Waiting);

public interface IQueueRecords
{
    /// <summary>Every hall with today's waiting tickets (Beijing date <paramref name="today"/>).</summary>
    Task<IReadOnlyList<HallWaiting>> HallQueuesAsync(DateOnly today, CancellationToken ct = default);

    Task<TicketFacts?> FindTicketAsync(Guid id, CancellationToken ct = default);

    /// <summary>The ticket a counter finished last (the rating pad asks about it), if within <paramref name="within"/>.</summary>
    Task<TicketFacts?> LastServedAtAsync(Guid counterId, DateTimeOffset since, CancellationToken ct = default);

    /// <summary>The counter's number and department (and whether the person asking is signed in at it).</summary>
    Task<(int Number, string Name, string DepartmentCode, string? StaffUserId)?> CounterAsync(Guid counterId, CancellationToken ct = default);
}

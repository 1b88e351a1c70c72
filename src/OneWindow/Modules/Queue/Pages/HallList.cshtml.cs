using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Features;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>The halls: take a ticket, book an appointment, watch the display; staff also the counters and the dashboard.</summary>
public sealed class HallListModel(Halls halls, OneWindow.Platform.ICurrentUser user) : PageModel
{
    public IReadOnlyList<HallView> Halls { get; private set; } = [];

    public IReadOnlyDictionary<Guid, IReadOnlyList<CounterView>> Counters { get; private set; } = new Dictionary<Guid, IReadOnlyList<CounterView>>();

    public CounterView? Mine { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Halls = await halls.ListAsync(null, ct);
        if (user.IsStaff)
        {
            var counters = new Dictionary<Guid, IReadOnlyList<CounterView>>();
            foreach (var h in Halls)
            {
                counters[h.Id] = await halls.CountersAsync(h.Id, ct);
            }

            Counters = counters;
            Mine = await halls.MyCounterAsync(ct);
        }
    }
}

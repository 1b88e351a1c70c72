using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Features;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>The halls: take a ticket, book an appointment, watch the display; staff also the counters and the dashboard.</summary>
internal sealed class HallListModel(Halls halls, HallDisplay display, OneWindow.Platform.ICurrentUser user) : PageModel
{
    public IReadOnlyList<HallView> Halls { get; private set; } = [];

    public IReadOnlyDictionary<Guid, IReadOnlyList<CounterView>> Counters { get; private set; } = new Dictionary<Guid, IReadOnlyList<CounterView>>();

    public CounterView? Mine { get; private set; }

    /// <summary>How many wait per group now, and roughly how long (what a person wants to know before coming in).</summary>
    public IReadOnlyDictionary<Guid, DisplayView> Now { get; private set; } = new Dictionary<Guid, DisplayView>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Halls = await halls.ListAsync(null, ct);
        var now = new Dictionary<Guid, DisplayView>();
        foreach (var h in Halls)
        {
            if (await display.ViewAsync(h.Id, ct) is { } v)
            {
                now[h.Id] = v;
            }
        }

        Now = now;
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

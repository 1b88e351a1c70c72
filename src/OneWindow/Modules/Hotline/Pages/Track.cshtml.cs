using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneWindow.Modules.Hotline.Features;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Hotline.Pages;

/// <summary>12345 工单查询 without an account: the number and the last four digits of the phone that called; status, steps and the reply, nothing personal.</summary>
[EnableRateLimiting(Throttles.Track)]
internal sealed class TrackModel(WorkOrders orders) : HotlinePage
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PhoneLast4 { get; set; }

    public TrackedWorkOrder? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Number is null && PhoneLast4 is null)
        {
            return;
        }

        var r = await orders.TrackAsync(Number, PhoneLast4, ct);
        if (r.IsSuccess)
        {
            Found = r.Value;
        }
        else
        {
            Refused(r.Error!);
        }
    }
}

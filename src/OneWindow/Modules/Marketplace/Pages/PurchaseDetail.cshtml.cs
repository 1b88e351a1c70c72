using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Marketplace.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Marketplace.Pages;

/// <summary>
/// One purchase, public: the seed's commitment, then the seed, the order and how to recompute it; the steps each party may take
/// (the buyer closes, answers objections, contracts, accepts and rates; an intermediary signs up or bids; the winner delivers;
/// anyone signed in may object during 公示) as plain forms.
/// </summary>
internal sealed class PurchaseDetailModel(Purchases purchases, ICurrentUser user) : Platform.Web.FormPage
{
    public PurchaseView? Purchase { get; private set; }

    public bool SignedIn => user.IsAuthenticated;

    public bool IsApplicantAccount => user.IsAuthenticated && !user.IsStaff;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Purchase = await purchases.FindAsync(id, ct);
        return Purchase is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, int version, decimal? amount, string? text, bool? upheld, int? onTime, int? quality, int? price, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return Challenge();
        }

        var r = act switch
        {
            "sign-up" => await purchases.SignUpAsync(id, null, version, ct),
            "bid" => await purchases.SignUpAsync(id, new BidInput(amount), version, ct),
            "close" => await purchases.CloseAsync(id, version, ct),
            "objection" => await purchases.ObjectAsync(id, new ObjectionInput(text), version, ct),
            "answer" => await purchases.ResolveAsync(id, new ResolveInput(upheld, text), version, ct),
            "contract" => await purchases.ContractAsync(id, new ContractInput(amount), version, ct),
            "deliver" => await purchases.DeliverAsync(id, new DeliverInput(text), version, ct),
            "accept" => await purchases.AcceptAsync(id, version, ct),
            "rate" => await purchases.RateAsync(id, new RateInput(onTime, quality, price, text), version, ct),
            _ => Error.Field("act", "未知操作"),
        };
        if (r.IsSuccess)
        {
            Message = $"{r.Value!.Number}：{r.Value.StatusLabel}" + (act == "close" && r.Value.WinnerName is not null ? $"，中选机构 {r.Value.WinnerName}" : "");
            return Redirect($"/marketplace/purchases/{id}");
        }

        Refused(r.Error!);
        Purchase = await purchases.FindAsync(id, ct);
        return Purchase is null ? NotFound() : Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneWindow.Modules.Marketplace.Domain;
using OneWindow.Modules.Marketplace.Features;
using OneWindow.Platform;

namespace OneWindow.Modules.Marketplace.Pages;

/// <summary>发布采购: the buyer's form; for 随机抽取 the seed's commitment is published at once.</summary>
[Authorize]
internal sealed class NewPurchaseModel(Purchases purchases, Intermediaries intermediaries, ICurrentUser user, TimeProvider clock) : Platform.Web.FormPage
{
    [BindProperty]
    public PublishPurchaseInput Input { get; set; } = new();

    /// <summary>The sign-up deadline as the browser's datetime-local gives it: Beijing time.</summary>
    [BindProperty]
    public string? SignUpLocal { get; set; }

    public IReadOnlyList<IntermediaryView> Verified { get; private set; } = [];

    public bool MayBuy => PurchaseAccess.BuyerCodeOf(user) is not null;

    public DateOnly Today => Platform.Data.Timestamps.TodayInChina(clock);

    public static IReadOnlyList<(string Code, string Name, string Qualification)> Types => ServiceTypes.All;

    public async Task OnGetAsync(CancellationToken ct) =>
        Verified = [.. (await intermediaries.ListAsync(null, "verified", null, 1, 200, ct)).Items];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (DateTime.TryParse(SignUpLocal, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            Input = Input with { SignUpUntil = Platform.Data.Timestamps.AtChinaTime(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)) };
        }

        var r = await purchases.PublishAsync(Input, ct);
        if (r.IsSuccess)
        {
            Message = $"已发布采购 {r.Value!.Number}" + (r.Value.Method == "draw" ? "，种子承诺已公布" : "");
            return Redirect($"/marketplace/purchases/{r.Value.Id}");
        }

        Refused(r.Error!);
        await OnGetAsync(ct);
        return Page();
    }
}

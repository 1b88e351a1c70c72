using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record AcceptWithDeferralRequest
{
    public List<string>? Deferred { get; init; }

    public DateOnly? PledgeDueDate { get; init; }
}

/// <summary>容缺受理: accepted with the item's deferrable secondary materials missing, on the applicant's pledge to bring them by a date.</summary>
internal sealed class AcceptWithDeferral() : CaseTransition<AcceptWithDeferralRequest, CaseAcceptedWithDeferral>("accept-with-deferral", "容缺受理", Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.CanAccept;

    internal override bool MayAct(CaseActions who, Case c) => who.IsClerkOf(c);

    internal override async Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, AcceptWithDeferralRequest body, CancellationToken ct)
    {
        if (body.PledgeDueDate is not { } pledge)
        {
            return Error.Field("pledgeDueDate", "请填写承诺补齐日期");
        }

        var item = (await a.Catalog.VersionAsync(c.ItemVersionId, ct))!;
        var accepted = c.AcceptWithDeferral(a.Today, rules, await a.RequiredAsync(c, ct), body.Deferred ?? [], item.DeferrableMaterials, pledge);
        c.AcceptedAtOneWindow = accepted.IsSuccess; // a clerk's step: 一窗受理
        return accepted;
    }
}

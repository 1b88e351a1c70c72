using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Intake.Features.Transitions;

internal sealed record CompleteRequest
{
    public ResultDelivery? Delivery { get; init; }

    /// <summary>The mailing address when by post (else the postal staff confirm it with the applicant by phone).</summary>
    public PostalAddressInput? Address { get; init; }
}

/// <summary>A mailing address as given; checked against the region codes (GB/T 2260) and the mobile's format.</summary>
internal sealed record PostalAddressInput(string? Recipient, string? Mobile, string? RegionCode, string? Line)
{
    /// <summary>The address to mail to: null when not by post or none given; a field error (<c>address.*</c>) when it is wrong.</summary>
    public static Result<PostalAddress?> Check(ResultDelivery? delivery, PostalAddressInput? a)
    {
        if (delivery != ResultDelivery.Post || a is null)
        {
            return (PostalAddress?)null;
        }

        var errors = new FieldErrors();
        var recipient = a.Recipient?.Trim() ?? "";
        if (recipient.Length is < 2 or > 40 || TextRules.NameProblem(recipient) is not null)
        {
            errors.Add("address.recipient", "请填写收件人姓名（2 到 40 字）");
        }

        var mobile = OneWindow.Platform.IdentityCodes.Mobile.Check(a.Mobile);
        if (!mobile.Valid)
        {
            errors.Add("address.mobile", "收件人" + string.Join("；", mobile.Errors));
        }

        var region = a.RegionCode?.Trim() ?? "";
        if (!OneWindow.Platform.IdentityCodes.DivisionRegistry.Shipped.IsCounty(region))
        {
            errors.Add("address.regionCode", "请选择收件地址所在的县（市、区）：6 位行政区划代码");
        }

        var line = a.Line?.Trim() ?? "";
        if (line.Length is < 4 or > 200 || TextRules.TextProblem(line) is not null)
        {
            errors.Add("address.line", "请填写详细地址（乡镇街道、门牌号，4 到 200 字）");
        }

        return errors.Any
            ? errors.ToError("case:invalid-address", "收件地址有误")
            : new PostalAddress(recipient, mobile.Normalized, region, line);
    }
}

/// <summary>办结 and 出件 (统一出件: any clerk of the region hands out the result), at the counter or by post.</summary>
internal sealed class Complete() : CaseTransition<CompleteRequest, CaseCompleted>("complete", "办结", Roles.IntakeClerk)
{
    public override bool Open(Case c) => c.CanComplete;

    internal override bool MayAct(CaseActions who, Case c) => who.IsClerkOf(c);

    internal override Task<Result> ApplyAsync(CaseActions a, Case c, CalendarRules rules, CompleteRequest body, CancellationToken ct)
    {
        var address = PostalAddressInput.Check(body.Delivery, body.Address);
        return Task.FromResult(address.IsSuccess ? c.Complete(body.Delivery ?? ResultDelivery.Counter, a.Today, rules, address.Value) : Result.Fail(address.Error!));
    }
}

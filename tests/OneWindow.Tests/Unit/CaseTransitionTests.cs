using OneWindow.Modules.Intake.Domain;
using OneWindow.Platform.Calendar;

namespace OneWindow.Tests.Unit;

/// <summary>The case lifecycle rules (issue 4, first slice): named transitions with typed errors.</summary>
public sealed class CaseTransitionTests
{
    private static readonly CalendarRules Calendar = new(
        WorkingDayCalendar.ShippedYears().SelectMany(y => y.Days).ToDictionary(d => d.Date, d => d.IsOffDay),
        WorkingDayCalendar.ShippedYears().Select(y => y.Year).ToHashSet());

    private static readonly DateOnly Feb12 = new(2026, 2, 12);

    private static Case NewCase(bool sole = false) => new() { CommittedDays = 5, SoleApprover = sole, Status = CaseStatus.Submitted };

    [Fact]
    public void Acceptance_starts_the_clock_in_working_days_and_cannot_happen_twice()
    {
        var c = NewCase();
        Assert.True(c.Accept(Feb12, Calendar).IsSuccess);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(new DateOnly(2026, 2, 26), c.DueDate);
        Assert.Equal("case:invalid-transition", c.Accept(Feb12, Calendar).Error!.Code);
    }

    [Fact]
    public void A_supplement_after_acceptance_moves_the_due_date_by_exactly_the_paused_working_days()
    {
        var c = NewCase();
        c.Accept(Feb12, Calendar);
        Assert.True(c.RequestSupplement(new DateOnly(2026, 2, 24), [new DeficiencyItem("premises", "租赁合同未盖章")]).IsSuccess);
        Assert.Equal(CaseStatus.Supplementing, c.Status);
        Assert.True(c.Supplement(new DateOnly(2026, 2, 26), Calendar).IsSuccess);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        // 02-25 and 02-26 were lost: two more working days, 02-27 and the make-up Saturday 02-28.
        Assert.Equal(new DateOnly(2026, 2, 28), c.DueDate);
        Assert.Single(c.Pauses);
    }

    [Fact]
    public void A_supplement_before_acceptance_does_not_touch_a_clock_that_has_not_started()
    {
        var c = NewCase();
        c.RequestSupplement(Feb12, [new DeficiencyItem("application", "未签字")]);
        c.Supplement(Feb12.AddDays(5), Calendar);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.Null(c.DueDate);
        Assert.Empty(c.Pauses);
        Assert.Equal("items", c.RequestSupplement(Feb12, []).Error!.Fields!.Keys.Single());
    }

    [Fact]
    public void Only_deferrable_materials_may_be_deferred_and_the_pledge_falls_within_the_limit()
    {
        var deferrable = new HashSet<string> { "premises", "healthCert" };
        var wrong = NewCase().AcceptWithDeferral(Feb12, Calendar, ["application"], deferrable, new DateOnly(2026, 2, 20));
        Assert.Equal("case:deferral-invalid", wrong.Error!.Code);
        Assert.Contains("不可容缺", wrong.Error.Fields!["deferred"][0], StringComparison.Ordinal);

        var late = NewCase().AcceptWithDeferral(Feb12, Calendar, ["premises"], deferrable, new DateOnly(2026, 3, 10));
        Assert.True(late.Error!.Fields!.ContainsKey("pledgeDueDate"));

        var c = NewCase();
        Assert.True(c.AcceptWithDeferral(Feb12, Calendar, ["premises"], deferrable, new DateOnly(2026, 2, 25)).IsSuccess);
        Assert.Equal(CaseStatus.AcceptedWithDeferral, c.Status);
        Assert.Equal(["premises"], c.DeferredMaterials);
    }

    [Fact]
    public void Three_step_items_are_reviewed_before_a_decision_and_sole_approvers_decide_at_once()
    {
        var threeStep = NewCase();
        threeStep.Accept(Feb12, Calendar);
        Assert.Equal("case:invalid-transition", threeStep.Decide(true, "同意").Error!.Code);
        Assert.True(threeStep.Review("材料齐全，符合条件", Recommendation.Approve).IsSuccess);
        Assert.True(threeStep.Decide(true, "准予许可").IsSuccess);
        Assert.Equal(CaseStatus.Approved, threeStep.Status);

        var sole = NewCase(sole: true);
        sole.Accept(Feb12, Calendar);
        Assert.Equal("case:sole-approver", sole.Review("x", Recommendation.Approve).Error!.Code);
        Assert.True(sole.Decide(false, "不符合设立条件").IsSuccess);
        Assert.Equal(CaseStatus.Denied, sole.Status);
    }

    [Fact]
    public void A_case_with_an_open_pledge_cannot_complete_until_the_material_arrives()
    {
        var c = NewCase(sole: true);
        c.AcceptWithDeferral(Feb12, Calendar, ["premises"], new HashSet<string> { "premises" }, new DateOnly(2026, 2, 25));
        c.Decide(true, "准予许可");
        Assert.Equal("case:pledge-open", c.Complete(Delivery.Counter).Error!.Code);
        Assert.True(c.FulfilPledge(["premises"]).IsSuccess);
        Assert.True(c.Complete(Delivery.Post).IsSuccess);
        Assert.Equal(CaseStatus.Completed, c.Status);
    }

    [Fact]
    public void Decisions_need_reasons_and_closed_cases_cannot_be_withdrawn()
    {
        var c = NewCase(sole: true);
        c.Accept(Feb12, Calendar);
        Assert.Equal("reason", c.Decide(false, " ").Error!.Fields!.Keys.Single());
        c.Decide(true, "准予");
        Assert.Equal("case:invalid-transition", c.Withdraw().Error!.Code);
        Assert.Equal("reason", NewCase().Decline("").Error!.Fields!.Keys.Single());
    }
}

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

    private static Case NewCase(bool sole = false, bool suspend = false) =>
        new() { CommittedDays = 5, SupplementDays = 3, SoleApprover = sole, SuspendOnBrokenPledge = suspend, Status = CaseStatus.Submitted };

    private static readonly Dictionary<string, string> NoneRequired = [];

    private static SubmittedMaterial Premises => new("premises", Guid.NewGuid(), null);

    [Fact]
    public void Acceptance_starts_the_clock_in_working_days_and_cannot_happen_twice()
    {
        var c = NewCase();
        Assert.True(c.Accept(Feb12, Calendar, NoneRequired).IsSuccess);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(new DateOnly(2026, 2, 26), c.DueDate);
        Assert.Equal("case:invalid-transition", c.Accept(Feb12, Calendar, NoneRequired).Error!.Code);
    }

    [Fact]
    public void Acceptance_needs_every_required_material_handed_in_or_deferred()
    {
        var required = new Dictionary<string, string> { ["application"] = "申请书", ["premises"] = "经营场所证明" };
        var c = NewCase();
        c.Materials = [new SubmittedMaterial("application", Guid.NewGuid(), null)];
        var refused = c.Accept(Feb12, Calendar, required);
        Assert.Equal("case:materials-incomplete", refused.Error!.Code);
        Assert.Equal("缺少必要材料：经营场所证明", refused.Error.Fields!["materials.premises"].Single());
        Assert.True(c.AcceptWithDeferral(Feb12, Calendar, required, ["premises"], new HashSet<string> { "premises" }, new DateOnly(2026, 2, 20)).IsSuccess);
    }

    [Fact]
    public void A_supplement_after_acceptance_moves_the_due_date_by_exactly_the_paused_working_days()
    {
        var c = NewCase();
        c.Accept(Feb12, Calendar, NoneRequired);
        Assert.True(c.RequestSupplement(new DateOnly(2026, 2, 24), Calendar, [new DeficiencyItem("premises", "租赁合同未盖章")]).IsSuccess);
        Assert.Equal(CaseStatus.Supplementing, c.Status);
        Assert.True(c.Supplement(new DateOnly(2026, 2, 26), Calendar, [Premises]).IsSuccess);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        // 02-25 and 02-26 were lost: two more working days, 02-27 and the make-up Saturday 02-28.
        Assert.Equal(new DateOnly(2026, 2, 28), c.DueDate);
        Assert.Single(c.Pauses);
    }

    [Fact]
    public void Declining_is_a_decision_before_acceptance_even_while_a_supplement_is_awaited()
    {
        var early = NewCase();
        early.RequestSupplement(Feb12, Calendar, [new DeficiencyItem("application", "未签字")]);
        Assert.True(early.CanDecline);
        Assert.True(early.Decline("不属于本事项受理范围").IsSuccess);

        var accepted = NewCase();
        accepted.Accept(Feb12, Calendar, NoneRequired);
        accepted.RequestSupplement(Feb12, Calendar, [new DeficiencyItem("premises", "未盖章")]);
        Assert.False(accepted.CanDecline);
        Assert.Equal("case:invalid-transition", accepted.Decline("已受理的办件不能再不予受理").Error!.Code);
        Assert.True(accepted.CanWithdraw);
    }

    [Fact]
    public void A_supplement_before_acceptance_does_not_touch_a_clock_that_has_not_started()
    {
        var c = NewCase();
        c.RequestSupplement(Feb12, Calendar, [new DeficiencyItem("application", "未签字")]);
        c.Supplement(Feb12.AddDays(5), Calendar, []);
        Assert.Equal(CaseStatus.Submitted, c.Status);
        Assert.Null(c.DueDate);
        Assert.Empty(c.Pauses);
        Assert.Equal("items", c.RequestSupplement(Feb12, Calendar, []).Error!.Fields!.Keys.Single());
    }

    [Fact]
    public void Only_deferrable_materials_may_be_deferred_and_the_pledge_falls_within_the_limit()
    {
        var deferrable = new HashSet<string> { "premises", "healthCert" };
        var wrong = NewCase().AcceptWithDeferral(Feb12, Calendar, NoneRequired, ["application"], deferrable, new DateOnly(2026, 2, 20));
        Assert.Equal("case:deferral-invalid", wrong.Error!.Code);
        Assert.Contains("不可容缺", wrong.Error.Fields!["deferred"][0], StringComparison.Ordinal);

        var late = NewCase().AcceptWithDeferral(Feb12, Calendar, NoneRequired, ["premises"], deferrable, new DateOnly(2026, 3, 10));
        Assert.True(late.Error!.Fields!.ContainsKey("pledgeDueDate"));

        var c = NewCase();
        Assert.True(c.AcceptWithDeferral(Feb12, Calendar, NoneRequired, ["premises"], deferrable, new DateOnly(2026, 2, 25)).IsSuccess);
        Assert.Equal(CaseStatus.AcceptedWithDeferral, c.Status);
        Assert.Equal(["premises"], c.DeferredMaterials);
    }

    [Fact]
    public void Three_step_items_are_reviewed_before_a_decision_and_sole_approvers_decide_at_once()
    {
        var threeStep = NewCase();
        threeStep.Accept(Feb12, Calendar, NoneRequired);
        Assert.Equal("case:invalid-transition", threeStep.Grant("同意").Error!.Code);
        Assert.True(threeStep.Review("材料齐全，符合条件", Recommendation.Approve).IsSuccess);
        Assert.True(threeStep.Grant("准予许可").IsSuccess);
        Assert.Equal(CaseStatus.Approved, threeStep.Status);

        var sole = NewCase(sole: true);
        sole.Accept(Feb12, Calendar, NoneRequired);
        Assert.Equal("case:sole-approver", sole.Review("x", Recommendation.Approve).Error!.Code);
        Assert.True(sole.Deny("不符合设立条件").IsSuccess);
        Assert.Equal(CaseStatus.Denied, sole.Status);
    }

    [Fact]
    public void A_case_with_an_open_pledge_cannot_complete_until_the_material_arrives()
    {
        var c = NewCase(sole: true);
        c.AcceptWithDeferral(Feb12, Calendar, NoneRequired, ["premises"], new HashSet<string> { "premises" }, new DateOnly(2026, 2, 25));
        c.Grant("准予许可");
        Assert.Equal("case:pledge-open", c.Complete(ResultDelivery.Counter, new DateOnly(2026, 3, 2), Calendar).Error!.Code);
        Assert.Equal("materials", c.FulfilPledge(new DateOnly(2026, 2, 20), Calendar, [new SubmittedMaterial("application", Guid.NewGuid(), null)]).Error!.Fields!.Keys.Single());
        Assert.True(c.FulfilPledge(new DateOnly(2026, 2, 20), Calendar, [Premises]).IsSuccess);
        Assert.Equal(new DateOnly(2026, 2, 20), c.PledgeFulfilledOn);
        Assert.True(c.Complete(ResultDelivery.Post, new DateOnly(2026, 3, 2), Calendar).IsSuccess);
        Assert.Equal(CaseStatus.Completed, c.Status);
        Assert.Equal("办结（容缺通过）", c.Outcome);
        Assert.Equal("办结（容缺通过）", c.StatusText);
    }

    [Fact]
    public void An_ordinary_approval_completes_as_granted_and_a_denial_as_refused()
    {
        var granted = NewCase(sole: true);
        granted.Accept(Feb12, Calendar, NoneRequired);
        granted.Grant("准予");
        granted.Complete(ResultDelivery.Counter, new DateOnly(2026, 3, 2), Calendar);
        Assert.Equal("办结（准予许可）", granted.Outcome);

        var refused = NewCase(sole: true);
        refused.Accept(Feb12, Calendar, NoneRequired);
        refused.Deny("不符合条件");
        refused.Complete(ResultDelivery.Counter, new DateOnly(2026, 3, 2), Calendar);
        Assert.Equal("办结（不予许可）", refused.Outcome);
    }

    [Fact]
    public void A_supplement_not_answered_within_the_window_closes_the_case()
    {
        var c = NewCase();
        c.Accept(Feb12, Calendar, NoneRequired);
        c.RequestSupplement(Feb12, Calendar, [new DeficiencyItem("premises", "未盖章")]);
        // Three working days from Thursday 02-12: 02-13, the make-up Saturday 02-14, then after the Spring Festival 02-24.
        Assert.Equal(new DateOnly(2026, 2, 24), c.SupplementDueDate);
        Assert.Equal("case:invalid-transition", c.ExpireSupplement(new DateOnly(2026, 2, 24)).Error!.Code);
        Assert.True(c.ExpireSupplement(new DateOnly(2026, 2, 25)).IsSuccess);
        Assert.Equal(CaseStatus.Terminated, c.Status);
        Assert.Equal("终止（逾期未补正）", c.StatusText);
    }

    [Fact]
    public void A_pledge_past_due_terminates_the_case_when_the_item_says_so()
    {
        var c = NewCase(sole: true);
        c.AcceptWithDeferral(Feb12, Calendar, NoneRequired, ["premises"], new HashSet<string> { "premises" }, new DateOnly(2026, 2, 24));
        Assert.False(c.PledgeBroken(new DateOnly(2026, 2, 24)));
        Assert.True(c.PledgeBroken(new DateOnly(2026, 2, 25)));
        Assert.True(c.BreakPledge(new DateOnly(2026, 2, 25)).IsSuccess);
        Assert.Equal(CaseStatus.Terminated, c.Status);
        Assert.Equal("终止（容缺承诺逾期未履行）", c.Outcome);
    }

    [Fact]
    public void A_pledge_past_due_suspends_the_case_and_the_clock_until_the_material_arrives()
    {
        var c = NewCase(sole: true, suspend: true);
        c.AcceptWithDeferral(Feb12, Calendar, NoneRequired, ["premises"], new HashSet<string> { "premises" }, new DateOnly(2026, 2, 24));
        Assert.Equal(new DateOnly(2026, 2, 26), c.DueDate);
        Assert.True(c.BreakPledge(new DateOnly(2026, 2, 25)).IsSuccess);
        Assert.Equal(CaseStatus.AcceptedWithDeferral, c.Status);
        Assert.Equal("已中止（待履行容缺承诺）", c.StatusText);
        Assert.Equal("case:suspended", c.Grant("准予").Error!.Code);

        // Suspended from 02-25 until the material arrived on 02-27: 02-26 and 02-27 were lost and are
        // added back after the old due date 02-26: 02-27 and the make-up Saturday 02-28.
        Assert.True(c.FulfilPledge(new DateOnly(2026, 2, 27), Calendar, [Premises]).IsSuccess);
        Assert.Null(c.SuspendedSince);
        Assert.Equal(new DateOnly(2026, 2, 28), c.DueDate);
        Assert.True(c.Grant("准予").IsSuccess);
    }

    [Fact]
    public void The_deadline_turns_yellow_at_the_warning_share_and_red_after_the_due_date()
    {
        var c = NewCase();
        c.Accept(new DateOnly(2026, 3, 2), Calendar, NoneRequired); // Monday; 5 working days → due Monday 03-09
        Assert.Equal(new DateOnly(2026, 3, 9), c.DueDate);
        Assert.False(c.UpdateDeadline(new DateOnly(2026, 3, 4), Calendar, 0.8).Value);
        Assert.Equal(DeadlineState.Normal, c.DeadlineState);
        Assert.True(c.UpdateDeadline(new DateOnly(2026, 3, 6), Calendar, 0.8).Value); // 4 of 5 used
        Assert.Equal(DeadlineState.Warning, c.DeadlineState);
        Assert.False(c.UpdateDeadline(new DateOnly(2026, 3, 9), Calendar, 0.8).Value);
        Assert.True(c.UpdateDeadline(new DateOnly(2026, 3, 10), Calendar, 0.8).Value);
        Assert.Equal(DeadlineState.Overdue, c.DeadlineState);
    }

    [Fact]
    public void Decisions_need_reasons_and_closed_cases_cannot_be_withdrawn()
    {
        var c = NewCase(sole: true);
        c.Accept(Feb12, Calendar, NoneRequired);
        Assert.Equal("reason", c.Deny(" ").Error!.Fields!.Keys.Single());
        c.Grant("准予");
        Assert.Equal("case:invalid-transition", c.Withdraw(byApplicant: true, null, confirmed: false).Error!.Code);
        Assert.Equal("reason", NewCase().Decline("").Error!.Fields!.Keys.Single());
    }
}

/// <summary>办件编号 patterns (Intake:NumberFormat).</summary>
public sealed class CaseNumberFormatTests
{
    [Fact]
    public void The_default_pattern_reads_region_date_and_a_padded_sequence()
    {
        var format = new OneWindow.Modules.Intake.IntakeOptions().NumberFormat;
        Assert.Null(OneWindow.Modules.Intake.Features.CaseNumbers.Problem(format));
        Assert.Equal("371600-20261122-000042", OneWindow.Modules.Intake.Features.CaseNumbers.Format(format, "371600", new DateOnly(2026, 11, 22), 42));
        Assert.Equal("BZ371600-2026-1122-0042", OneWindow.Modules.Intake.Features.CaseNumbers.Format("BZ{region}-{date:yyyy-MMdd}-{seq:0000}", "371600", new DateOnly(2026, 11, 22), 42));
    }

    [Theory]
    [InlineData("{region}-{date:yyyyMMdd}")]
    [InlineData("{seq:000000}")]
    [InlineData("")]
    [InlineData("{region}{date:yyyyMMddHHmmssfffffff}{seq:0000000000000000000000000}")]
    public void A_pattern_that_cannot_make_unique_numbers_is_refused(string format) =>
        Assert.NotNull(OneWindow.Modules.Intake.Features.CaseNumbers.Problem(format));
}

using OneWindow.Modules.Queue.Domain;
using OneWindow.Modules.Queue.Features;
using OneWindow.Modules.Ratings.Domain;

namespace OneWindow.Tests.Unit;

/// <summary>The calling order as one number, the ticket and counter transitions, and the 好差评 levels.</summary>
public sealed class QueueRulesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Priority_comes_before_appointments_which_come_before_walk_ins_each_in_time_order()
    {
        var priorityLate = QueueTicket.CallingKey(TicketPriority.Priority, null, Nine.AddHours(3), 9);
        var appointmentEarly = QueueTicket.CallingKey(TicketPriority.Normal, Nine.AddMinutes(30), Nine.AddMinutes(20), 5);
        var appointmentLate = QueueTicket.CallingKey(TicketPriority.Normal, Nine.AddMinutes(60), Nine, 1);
        var walkInEarly = QueueTicket.CallingKey(TicketPriority.Normal, null, Nine, 2);
        var walkInSameInstant = QueueTicket.CallingKey(TicketPriority.Normal, null, Nine, 3);
        var walkInLate = QueueTicket.CallingKey(TicketPriority.Normal, null, Nine.AddSeconds(1), 1);
        long[] expected = [priorityLate, appointmentEarly, appointmentLate, walkInEarly, walkInSameInstant, walkInLate];
        Assert.Equal(expected, expected.Order());
        Assert.Equal(6, expected.Distinct().Count());
    }

    private static (QueueTicket Ticket, Counter Counter) Called()
    {
        var counter = new Counter { Id = Guid.NewGuid(), Number = 5, DepartmentCode = "371600-XSP" };
        counter.SignIn("u1", "刘窗口", Nine);
        var ticket = new QueueTicket { Id = Guid.NewGuid(), Number = "A023", GroupCode = "A", Sequence = 23, IssuedAt = Nine, Status = TicketStatus.Waiting };
        ticket.Queue();
        Assert.True(ticket.Call(counter, Nine.AddMinutes(5)).IsSuccess);
        return (ticket, counter);
    }

    [Fact]
    public void A_called_ticket_leaves_the_queue_and_the_third_recall_after_two_marks_it_a_no_show()
    {
        var (ticket, counter) = Called();
        Assert.Null(ticket.WaitingKey);
        Assert.Equal(ticket.Id, counter.CurrentTicketId);
        Assert.Equal(5.0, ticket.WaitMinutes);
        Assert.False(counter.ReadyToCall().IsSuccess);
        Assert.True(ticket.Recall(counter, 2, Nine.AddMinutes(6)).Value);
        Assert.True(ticket.Recall(counter, 2, Nine.AddMinutes(7)).Value);
        Assert.False(ticket.Recall(counter, 2, Nine.AddMinutes(8)).Value);
        Assert.Equal(TicketStatus.NoShow, ticket.Status);
        Assert.Null(counter.CurrentTicketId);
        Assert.Equal("ticket:wrong-state", ticket.Recall(counter, 2, Nine.AddMinutes(9)).Error!.Code);
    }

    [Fact]
    public void A_transferred_ticket_waits_again_in_its_old_place_and_a_finished_one_cannot_be_transferred()
    {
        var (ticket, counter) = Called();
        Assert.True(ticket.Transfer(counter, "B", null).IsSuccess);
        Assert.Equal(TicketStatus.Transferred, ticket.Status);
        Assert.Equal("B", ticket.GroupCode);
        Assert.Equal(QueueTicket.CallingKey(TicketPriority.Normal, null, Nine, 23), ticket.WaitingKey);
        Assert.Null(counter.CurrentTicketId);

        var (done, at) = Called();
        Assert.True(done.Finish(at, "u1", "刘窗口", [], Nine.AddMinutes(15)).IsSuccess);
        Assert.Equal(10.0, done.ServiceMinutes);
        Assert.Equal("ticket:wrong-state", done.Transfer(at, "B", null).Error!.Code);
    }

    [Fact]
    public void Only_the_officer_signed_in_acts_at_a_counter_and_a_serving_counter_cannot_break_or_sign_out()
    {
        var (_, counter) = Called();
        Assert.Equal("counter:not-yours", counter.MayAct("u2").Error!.Code);
        Assert.Equal("counter:occupied", counter.SignIn("u2", "另一人", Nine).Error!.Code);
        Assert.Equal("counter:serving", counter.TakeBreak(Nine).Error!.Code);
        Assert.Equal("counter:serving", counter.SignOut(Nine).Error!.Code);
        Assert.True(new Counter { Kind = CounterKind.Dedicated, Groups = ["B"] }.Serves("b"));
        Assert.False(new Counter { Kind = CounterKind.Dedicated, Groups = ["B"] }.Serves("A"));
        Assert.True(new Counter { Kind = CounterKind.General, Groups = ["B"] }.Serves("A"));
    }

    [Fact]
    public void Satisfied_means_basically_satisfied_or_better_and_bad_ratings_are_two_or_less()
    {
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], Enumerable.Range(1, 5).Reverse().Select(Rating.Label));
        Assert.True(new Rating { Level = 3 }.IsSatisfied);
        Assert.False(new Rating { Level = 3 }.IsBad);
        Assert.True(new Rating { Level = 2 }.IsBad);
        Assert.Equal(20.0, HallMetrics.Percentile([10, 20], 0.9));
        Assert.Equal(9.0, HallMetrics.Percentile([.. Enumerable.Range(1, 10).Select(i => (double)i)], 0.9));
    }

    [Fact]
    public void A_rectification_goes_verify_assign_rectify_feedback_a_dissatisfied_citizen_sends_it_back_once_and_an_unfounded_one_ends_at_verification()
    {
        var r = new Rectification { Status = RectificationStatus.Verifying };
        Assert.Equal("rectification:wrong-state", r.Feedback("x", null, "a", Nine).Error!.Code);
        Assert.True(r.Verify("属实", founded: true, "a", Nine).IsSuccess);
        Assert.Equal("rectification:wrong-state", r.Rectify("未交办", "a").Error!.Code);
        Assert.True(r.Assign("371600-XSP", "王导服", "交办", new DateOnly(2026, 3, 9), "a").IsSuccess);
        Assert.True(r.Rectify("增开窗口", "a").IsSuccess);

        // The citizen is not satisfied: back to 核实, once; the second 不满意 closes it as such.
        Assert.True(r.Feedback("已回访", satisfied: false, "a", Nine).IsSuccess);
        Assert.Equal(RectificationStatus.Verifying, r.Status);
        Assert.True(r.Verify("再次核实", founded: true, "a", Nine).IsSuccess);
        Assert.True(r.Assign("371600-XSP", null, "再次交办", new DateOnly(2026, 3, 12), "a").IsSuccess);
        Assert.True(r.Rectify("调整窗口排班", "a").IsSuccess);
        Assert.True(r.Feedback("已回访", satisfied: false, "a", Nine).IsSuccess);
        Assert.Equal(RectificationStatus.Closed, r.Status);
        Assert.False(r.CitizenSatisfied);
        Assert.Equal(1, r.SendBacks);
        Assert.False(r.IsOpen);
        var unfounded = new Rectification { Status = RectificationStatus.Verifying };
        Assert.True(unfounded.Verify("不属实", founded: false, "a", Nine).IsSuccess);
        Assert.Equal(RectificationStatus.Unfounded, unfounded.Status);
        Assert.False(unfounded.IsOpen);
    }

    [Fact]
    public void The_admin_page_reads_one_group_per_line_with_optional_departments_minutes_and_slots()
    {
        var groups = OneWindow.Modules.Queue.Pages.AdminHallsModel.ParseGroups("a 综合受理\nB 企业开办 371600-SCJ,371600-SWJ 15 4\n\n");
        Assert.Equal(2, groups.Count);
        Assert.Equal(("A", "综合受理", 0, 10, 4), (groups[0].Code, groups[0].Name, groups[0].Departments.Count, groups[0].ServiceMinutes, groups[0].SlotCapacity));
        Assert.Equal(["371600-SCJ", "371600-SWJ"], groups[1].Departments);
        Assert.Equal((15, 4), (groups[1].ServiceMinutes, groups[1].SlotCapacity));
    }
}

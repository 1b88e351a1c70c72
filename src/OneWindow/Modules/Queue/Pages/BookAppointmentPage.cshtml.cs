using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Queue.Features;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Queue.Pages;

/// <summary>网上预约: pick a group and a day, see each half-hour slot's places left, book one; the check-in code is shown and kept under 我的预约.</summary>
[Authorize]
internal sealed class BookAppointmentPageModel(Halls halls, Appointments appointments, ICurrentUser user) : PageModel
{
    [FromRoute]
    public Guid HallId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    [BindProperty]
    public TimeOnly? Slot { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    public HallView? Hall { get; private set; }

    public IReadOnlyList<SlotView> Slots { get; private set; } = [];

    public IReadOnlyList<AppointmentView> Mine { get; private set; } = [];

    public FieldErrors Errors { get; } = new();

    public string? Problem { get; private set; }

    [TempData]
    public string? Message { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Hall = await halls.FindAsync(HallId, ct);
        if (Hall is null)
        {
            return false;
        }

        Group ??= Hall.Groups.FirstOrDefault(g => g.SlotCapacity > 0)?.Code;
        Day ??= await appointments.NextWorkingDayAsync(ct);
        Name ??= user.DisplayName;
        var slots = await appointments.SlotsAsync(HallId, Group, Day, ct);
        Slots = slots.IsSuccess ? slots.Value! : [];
        Mine = [.. (await appointments.MineAsync(ct)).Where(a => a.HallId == HallId)];
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var booked = await appointments.BookAsync(HallId, new BookAppointment { Group = Group, Day = Day, Slot = Slot, Name = Name, Mobile = Mobile }, ct);
        if (booked.IsSuccess)
        {
            var a = booked.Value!;
            Message = $"预约成功：{a.Day:yyyy-MM-dd} {a.Slot:HH\\:mm} {a.GroupName}，签到码 {a.CheckInCode}。请在预约时段开始前 1 小时内到大厅凭签到码取号。";
            return Redirect($"/halls/{HallId}/book?group={a.Group}&day={a.Day:yyyy-MM-dd}");
        }

        Problem = booked.Error!.Describe();
        Errors.AddAll(booked.Error);
        Response.StatusCode = booked.Error.Kind == ErrorKind.Validation ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return await LoadAsync(ct) ? Page() : NotFound();
    }
}

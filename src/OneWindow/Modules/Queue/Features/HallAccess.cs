using OneWindow.Platform;
using OneWindow.Platform.Identity;

namespace OneWindow.Modules.Queue.Features;

/// <summary>
/// Who works in a hall (need-to-know, docs/security/access.md): an intake clerk (综合窗口) or a hall guide (导服) of the
/// hall's own region. Only they sign in at its counters, call, serve and transfer, see its tickets without the ticket's
/// code (with the full mobile), and cancel its appointments for citizens. An administrator may sign out a counter someone
/// left open. Other staff (hotline, departments' officers, supervisors, another county's clerks) are like the public there.
/// </summary>
internal static class HallAccess
{
    public static bool IsCounterRole(ICurrentUser user) => user.IsInRole(Roles.IntakeClerk) || user.IsInRole(Roles.HallGuide);

    public static bool WorksIn(ICurrentUser user, string hallRegion) =>
        IsCounterRole(user) && user.RegionCode is { } region && region == hallRegion;

    public static Error NotYourHall => Error.Forbidden("counter:not-your-hall", "只有本大厅的综合窗口与导服人员可以操作本大厅的窗口和排队号");
}

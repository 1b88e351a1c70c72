using OneWindow.Platform.Outbox;

namespace OneWindow.Platform.Calendar;

/// <summary>A year's holidays and make-up days were imported or replaced: provisional due dates (暂定) can now be computed properly.</summary>
[EventName("calendar.year-published")]
public sealed record CalendarYearPublished(int Year, string RegionCode) : IIntegrationEvent;

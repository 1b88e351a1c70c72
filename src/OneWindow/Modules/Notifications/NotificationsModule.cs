using OneWindow.Modules.Accounts.Contracts;
using OneWindow.Modules.Intake.Contracts;
using OneWindow.Modules.Notifications.Contracts;
using OneWindow.Modules.Notifications.Features;
using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Notifications;

/// <summary>Messages to applicants and staff: kept for the portal inbox and sent through a channel.</summary>
public static class NotificationsModule
{
    public static void AddNotificationsModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<INotificationChannel, LogFileChannel>();
        builder.Services.AddScoped<IInbox, Features.Inbox>();
        builder.Services.AddSingleton<IDirectMessages, OneWindow.Modules.Notifications.Features.DirectMessages>();
        builder.Services.AddOutboxHandler<AccountRegistered, NotifyOnRegistration>();
        builder.Services.AddOutboxHandler<CaseEvent, NotifyOnCaseChange>(NotifyOnCaseChange.Wants);
        builder.Services.AddOutboxHandler<BundleEvent, NotifyOnCaseChange>(NotifyOnCaseChange.Wants);
        builder.Services.AddOutboxHandler<OneWindow.Modules.Projects.Contracts.ProjectAlert, NotifyOnProjectAlert>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Ratings.Contracts.RectificationOpened, NotifyOnRectification>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Ratings.Contracts.RectificationDeadlineReached, NotifyOnRectification>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Callbacks.Contracts.UnresolvedPatternFlagged, NotifyOnUnresolvedPattern>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Queue.Contracts.TicketNotice, NotifyOnTicket>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Supervision.Contracts.SupervisionItemPushed, NotifyOnSupervision>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Supervision.Contracts.SupervisionItemAutoClaimed, NotifyOnSupervision>();
        builder.Services.AddOutboxHandler<OneWindow.Modules.Supervision.Contracts.SupervisionFeedbackGiven, NotifyOnSupervision>();
    }
}

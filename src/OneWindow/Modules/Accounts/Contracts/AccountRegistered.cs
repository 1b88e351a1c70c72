using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Accounts.Contracts;

/// <summary>An applicant registered an account. The mobile travels only to the notifications channel.</summary>
[EventName("accounts.account-registered")]
public sealed record AccountRegistered(string UserId, string DisplayName, string Mobile, string RegionCode) : IIntegrationEvent;

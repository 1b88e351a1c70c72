using OneWindow.Platform.Outbox;

namespace OneWindow.Modules.Accounts.Contracts;

/// <summary>
/// An applicant account was shown to belong to the holder of its identity code (实名核验: SMS to the mobile the
/// government holds, a clerk who saw the ID card, the national identity provider). What was filed under the code
/// by others (counter cases, helpers' applications) now shows in that account.
/// </summary>
[EventName("accounts.identity-verified")]
public sealed record IdentityVerified(string UserId, string Kind, string IdentityCode, string Method, string RegionCode) : IIntegrationEvent;

using OneWindow.Platform.Data;

namespace OneWindow.Modules.Hotline.Features;

/// <summary>
/// The code in the rating link the caller gets by SMS when an order closes: derived (an HMAC of the order and its round
/// under a platform secret), so nothing is stored, and a round's link cannot rate the next round.
/// </summary>
internal sealed class WorkOrderRatingCodes(PlatformSecrets secrets)
{
    public const string KeyName = "hotline.rating-link";

    public async Task<string> CodeAsync(Guid orderId, int round, CancellationToken ct)
    {
        var key = await secrets.GetAsync(KeyName, ct);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{orderId:N}|{round}"));
        return Convert.ToHexString(mac)[..16].ToLowerInvariant();
    }

    public async Task<bool> OpensAsync(Guid orderId, int round, string? code, CancellationToken ct) =>
        code is { Length: 16 } && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(await CodeAsync(orderId, round, ct)), System.Text.Encoding.ASCII.GetBytes(code.ToLowerInvariant()));
}

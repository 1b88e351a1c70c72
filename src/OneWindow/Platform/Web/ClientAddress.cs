namespace OneWindow.Platform.Web;

/// <summary>
/// The address a request came from, after the configured proxy's forwarded headers were applied
/// (<c>ForwardedHeaders:KnownProxies</c>): what throttles and sign-in back-off are counted per.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";
}

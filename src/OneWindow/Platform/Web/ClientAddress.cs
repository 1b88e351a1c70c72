using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneWindow.Platform.Web;

/// <summary>
/// The address a request came from, after the configured proxy's forwarded headers were applied: what throttles and
/// sign-in back-off are counted per.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>
    /// Behind a TLS-terminating proxy (nginx, a load balancer) named in <c>ForwardedHeaders:KnownProxies</c> (addresses,
    /// comma-separated) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR), X-Forwarded-For and X-Forwarded-Proto from that
    /// proxy are believed: the client's address is the real one and HTTPS requests make Secure cookies. From anyone else
    /// the headers are ignored. With neither setting, no forwarded header is believed at all.
    /// </summary>
    public static void UseForwardedHeadersFromConfiguredProxy(this WebApplication app)
    {
        var proxies = Split(app.Configuration["ForwardedHeaders:KnownProxies"]);
        var networks = Split(app.Configuration["ForwardedHeaders:KnownNetworks"]);
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        app.UseForwardedHeaders(options);
    }

    private static string[] Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

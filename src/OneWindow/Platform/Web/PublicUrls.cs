namespace OneWindow.Platform.Web;

/// <summary>
/// The address people reach the platform at, for links that leave the screen: QR codes on licences, notices, inspection
/// reports and hall posters, SMS links, Open311 discovery, the OpenAPI servers list. Behind a reverse proxy set
/// <c>PublicBaseUrl</c> (<c>https://zwfw.example.gov.cn</c>): a QR printed with the address of the machine that
/// answered (127.0.0.1, an internal host name) would open nothing on a phone. Without it, the request's own address
/// (after the trusted proxy's forwarded headers) is used.
/// </summary>
public static class PublicUrls
{
    public static string PublicBase(this HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["PublicBaseUrl"];
        return !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}

using NetEscapades.AspNetCore.SecurityHeaders;

namespace OneWindow.Platform.Web;

/// <summary>
/// Security headers on every response (NetEscapades.AspNetCore.SecurityHeaders): a Content-Security-Policy without inline
/// script (a page that needs one line, the guide's print, carries this request's nonce), no framing (frame-ancestors
/// 'none', X-Frame-Options DENY), nosniff, a strict Referrer-Policy, and no Server header. Styles may be inline (Bootstrap
/// utilities and ECharts set them); images may be data: URIs (QR codes).
/// </summary>
public static class SecurityHeaders
{
    public static void UseOneWindowSecurityHeaders(this WebApplication app) =>
        app.UseSecurityHeaders(new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data().Blob();
                csp.AddConnectSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            }));
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace OneWindow.Platform.Web;

/// <summary>
/// Throttles on the routes anyone can hammer (ASP.NET Core's rate limiter): a fixed window per client address, or per
/// account when signed in. Staff are not throttled on the hall's routes (a guide desk issues tickets all day). Limits
/// come from <c>Throttles:{Name}:PermitLimit</c> and <c>Throttles:{Name}:WindowSeconds</c>. Over the limit: 429
/// problem details with Retry-After. Only writes (POST) count, except for look-ups (<see cref="Track"/>). Appointment
/// check-in goes through the ticket route, so a guess at a check-in code costs a ticket's throttle.
/// </summary>
public static class Throttles
{
    public const string Login = "login";
    public const string Register = "register";
    public const string SmsCode = "sms-code";
    public const string Ticket = "ticket";
    public const string Verify = "verify";
    public const string Track = "track";
    public const string TrackSms = "track-sms";

    private sealed record Limit(int PermitLimit, int WindowSeconds, bool PerAccount, bool StaffExempt, bool CountReads);

    private static readonly Dictionary<string, Limit> Defaults = new(StringComparer.Ordinal)
    {
        [Login] = new(30, 60, PerAccount: false, StaffExempt: false, CountReads: false),
        [Register] = new(10, 3600, PerAccount: false, StaffExempt: false, CountReads: false),
        [SmsCode] = new(5, 900, PerAccount: true, StaffExempt: false, CountReads: false),
        // A hall's phones may share one address (its Wi-Fi): generous per address, strict enough to stop a flood.
        [Ticket] = new(30, 600, PerAccount: true, StaffExempt: true, CountReads: false),
        [Verify] = new(60, 60, PerAccount: false, StaffExempt: true, CountReads: true),
        [Track] = new(600, 60, PerAccount: false, StaffExempt: true, CountReads: true),
        // A six-digit SMS code: ten tries per quarter hour per address.
        [TrackSms] = new(10, 900, PerAccount: false, StaffExempt: false, CountReads: false),
    };

    public static void AddThrottles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            foreach (var (name, fallback) in Defaults)
            {
                var section = configuration.GetSection("Throttles:" + name);
                var limit = fallback with
                {
                    PermitLimit = Math.Max(1, section.GetValue("PermitLimit", fallback.PermitLimit)),
                    WindowSeconds = Math.Max(1, section.GetValue("WindowSeconds", fallback.WindowSeconds)),
                };
                options.AddPolicy(name, context => Partition(name, limit, context));
            }

            options.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
                response.Headers.RetryAfter = Problems.RetryAfterSeconds(wait);
                await response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = 429, Type = Problems.TypePrefix + "request:too-many",
                    Title = $"请求过于频繁，请 {Problems.RetryAfterSeconds(wait)} 秒后再试",
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            };
        });
    }

    private static RateLimitPartition<string> Partition(string name, Limit limit, HttpContext context)
    {
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        if ((!limit.CountReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            || (limit.StaffExempt && user.HasClaim(Identity.OneWindowClaims.Kind, nameof(Identity.AccountKind.Staff))))
        {
            return RateLimitPartition.GetNoLimiter(name + ":free");
        }

        var key = limit.PerAccount && signedIn
            ? name + ":user:" + user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            : name + ":client:" + ClientAddress.Of(context);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit, Window = TimeSpan.FromSeconds(limit.WindowSeconds), QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}

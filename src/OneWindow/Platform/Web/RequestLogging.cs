using System.Diagnostics;

namespace OneWindow.Platform.Web;

/// <summary>One structured log line per request: method, path, status, time, user id (never names or codes).</summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var user = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-";
            LogRequest(log, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, elapsed, user);
        }
    }

    [LoggerMessage(LogLevel.Information, "HTTP {Method} {Path} → {StatusCode} in {ElapsedMs:0.0} ms (user {UserId})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs, string userId);
}

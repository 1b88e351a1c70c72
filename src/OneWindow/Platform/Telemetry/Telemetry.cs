using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneWindow.Platform.Data;
using OneWindow.Platform.Web;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneWindow.Platform.Telemetry;

/// <summary>
/// Metrics, traces and health in the ecosystem's standard form (ADR 0027): OpenTelemetry with the ASP.NET Core, HttpClient,
/// EF Core, Npgsql and runtime instrumentation plus <see cref="OneWindowMeters"/>; a Prometheus scrape at <c>/metrics</c>
/// for the networks or the key configured (<c>Metrics:AllowedNetworks</c>, <c>Metrics:Key</c>); OTLP export of traces,
/// metrics and logs when <c>OpenTelemetry:OtlpEndpoint</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) names a
/// collector (<c>OpenTelemetry:OtlpProtocol</c>: <c>grpc</c>, or <c>http/protobuf</c>); trace and span ids in every log line's scope. Kubernetes probes: <c>/health/live</c> (the process answers)
/// and <c>/health/ready</c> (the database answers, and the outbox and audit sequencer are within their thresholds).
/// </summary>
public static class Telemetry
{
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton<Lags>();
        services.AddSingleton<OneWindowMeters>();
        services.AddHostedService<LagWatch>();
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("onewindow", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OneWindowMeters.Name, "Npgsql", "Microsoft.EntityFrameworkCore")
                .AddPrometheusExporter())
            // Every request is a trace (its id is in the log lines and the problem details); the spans inside it (HTTP calls,
            // EF Core, Npgsql) are recorded only when a collector takes them, so the hot path pays for none it cannot send.
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path)));
        var otlp = configuration["OpenTelemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql", OneWindowMeters.Name));
            builder.Logging.AddOpenTelemetry(o => o.IncludeScopes = true);
            var protocol = string.Equals(configuration["OpenTelemetry:OtlpProtocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(otlp));
        }

        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: ["ready"])
            .AddCheck<LagCheck>("background", tags: ["ready"]);
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    public static void MapTelemetry(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), b => b.UseMiddleware<MetricsGate>());
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
    }

    /// <summary><c>{status, checks:{name:{status, description}}}</c>: 200 when healthy, 503 when not (what a probe reads).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.InJson(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.InJson(), description = e.Value.Description }),
        });

    private sealed class DatabaseCheck(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy("数据库可用") : HealthCheckResult.Unhealthy("数据库不可用");
    }

    /// <summary>Not ready while the outbox or the audit sequencer is further behind than <c>Health:OutboxLagSeconds</c> / <c>Health:AuditLagSeconds</c> (120 s).</summary>
    private sealed class LagCheck(Lags lags, IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var (outbox, audit) = await lags.MeasureAsync(cancellationToken);
            var outboxLimit = configuration.GetValue("Health:OutboxLagSeconds", 120.0);
            var auditLimit = configuration.GetValue("Health:AuditLagSeconds", 120.0);
            var text = $"事件投递滞后 {outbox:0} 秒（上限 {outboxLimit:0}），审计上链滞后 {audit:0} 秒（上限 {auditLimit:0}）";
            return outbox > outboxLimit || audit > auditLimit ? HealthCheckResult.Unhealthy(text) : HealthCheckResult.Healthy(text);
        }
    }

    /// <summary>
    /// <c>/metrics</c> answers the networks in <c>Metrics:AllowedNetworks</c> (CIDR list; loopback by default) and any
    /// caller presenting <c>Metrics:Key</c> as a bearer token; anyone else gets 403.
    /// </summary>
    private sealed class MetricsGate(RequestDelegate next, IConfiguration configuration)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            if (Allowed(context))
            {
                await next(context);
                return;
            }

            var error = new Error("metrics:forbidden", "无权读取运行指标（须来自允许的网络，或带正确的密钥）", ErrorKind.Forbidden);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(Problems.ToProblemDetails(error), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }

        private bool Allowed(HttpContext context)
        {
            var key = configuration["Metrics:Key"];
            if (!string.IsNullOrEmpty(key) && context.Request.Headers.Authorization.ToString() is { } header
                && header.StartsWith("Bearer ", StringComparison.Ordinal)
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(header[7..]), System.Text.Encoding.UTF8.GetBytes(key)))
            {
                return true;
            }

            var remote = context.Connection.RemoteIpAddress;
            if (remote is null)
            {
                return false;
            }

            remote = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
            var networks = configuration["Metrics:AllowedNetworks"] ?? "127.0.0.0/8,::1/128";
            return networks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(n => IPNetwork.TryParse(n, out var network) && network.Contains(remote));
        }
    }
}

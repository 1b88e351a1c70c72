using Microsoft.EntityFrameworkCore;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Calendar;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;
using OneWindow.Platform.Identity;
using OneWindow.Platform.IdentityCodes;
using OneWindow.Platform.Outbox;
using OneWindow.Platform.Telemetry;
using OneWindow.Platform.Web;

namespace OneWindow.Platform;

/// <summary>The shared kernel: database, clock, current user, outbox, audit chain, calendar, identity codes, problems.</summary>
public static class PlatformModule
{
    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // ASP.NET Core's own request lines carry the query string (?holder=<ID number>): never logged, whatever the
        // configured level; RequestLogging writes one line per request with the path only.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning);
        // Read when first needed, not now: hosts (tests, tools) may still add configuration after this call.
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContextPool<AppDbContext>((sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options));
        services.TryAddTimeProvider();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Outbox.Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<AuditSignal>();
        services.AddSingleton<GroupCommit>();
        services.Configure<GroupCommitOptions>(builder.Configuration.GetSection("GroupCommit"));
        services.Configure<AuditOptions>(builder.Configuration.GetSection("Audit"));
        services.AddSingleton<ClusterLocks>();
        services.AddSingleton<AuditSequencer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditSequencer>());
        services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<WorkingDayCalendar>();
        services.AddScoped<Files.FileStore>();
        services.AddSingleton<PlatformSecrets>();
        services.AddSingleton(DivisionRegistry.Shipped);
        services.AddKeyRing(builder.Configuration, builder.Environment);
        services.AddOneWindowAuth(builder.Configuration);
        services.AddThrottles(builder.Configuration);
        services.AddProblemDetails();
        services.AddApiContract();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new BoundedStringConverter());
        });
        services.AddRazorPages(o => o.RootDirectory = "/");
        // Chinese text is written as text, not as &#x...; entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddTelemetry();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    public static void UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeadersFromConfiguredProxy();
        app.UseOneWindowProblems();
        app.UseOneWindowSecurityHeaders();
        app.UseMiddleware<RequestLogging>();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseMiddleware<SessionValidation>();
        app.UseMiddleware<CookieApiWrites>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    public static void MapPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "OneWindow API v1");
            o.DocumentTitle = "一窗通办 API";
        });
        app.MapGet("/health", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<HealthResponse>, Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<HealthResponse>>> (
            AppDbContext db, DatabaseSettings settings, CancellationToken ct) =>
        {
            var up = await db.Database.CanConnectAsync(ct);
            var body = new HealthResponse(up ? "ok" : "unavailable", settings.ProviderName);
            return up ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithTags("平台").WithSummary("健康检查：数据库可用时 200");
        app.MapGet("/api/v1/audit/verify", async (AppDbContext db, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await AuditChain.VerifyAsync(db, clock, ct)))
            .WithTags("平台").WithSummary("校验整条审计哈希链（公开：只返回是否完整，不含内容）");
        app.MapTelemetry();
        app.MapCalendar();
        app.MapIdentityCodes();
        app.MapFiles();
        app.MapRazorPages();
    }

    /// <summary>Start-up work before serving: schema, shipped reference data, demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool demo, CancellationToken ct = default)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        settings.EnsureSqliteFolder();
        KeyRing.WarnIfUnprotected(app.Configuration, app.Logger);
        await SchemaMigrator.MigrateAsync(settings, ct);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await WorkingDayCalendar.SeedShippedYearsAsync(db, app.Services.GetRequiredService<TimeProvider>(), ct);
        await app.Services.GetRequiredService<PlatformSecrets>().EnsureDeclaredAsync(ct);
        await Roles.EnsureAsync(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>());
        if (demo)
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(ct);
            }
        }
    }
}

public sealed record HealthResponse(string Status, string Database);

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Hotline.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Audit;
using OneWindow.Platform.Data;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Modules.Hotline.Features.Open311;

internal sealed record ClientInput(string? Name);

internal sealed record ClientView(Guid Id, string Name, string KeyPrefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>A client just issued: the key is in this answer only.</summary>
internal sealed record IssuedClient(Guid Id, string Name, string ApiKey, string KeyPrefix);

/// <summary>Open311 clients, issued and revoked by administrators; the key is shown once and kept hashed.</summary>
internal sealed class Open311Clients(AppDbContext db, AuditTrail audit, ICurrentUser user, TimeProvider clock)
{
    public async Task<Result<IssuedClient>> IssueAsync(ClientInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 100 || TextRules.NameProblem(name, 100) is not null)
        {
            return Error.Field("name", "请填写客户端名称（2–100 字），如“滨州市民通 App”");
        }

        var key = "ow311_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var now = clock.Now();
        var client = new Open311Client
        {
            Id = Guid.CreateVersion7(now), Name = name, KeyHash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))).ToLowerInvariant(),
            KeyPrefix = key[..10], RegionCode = user.RegionCode is { Length: > 0 } r ? r : DemoCity.City, CreatedAt = now, CreatedByName = user.DisplayName ?? "",
        };
        db.Add(client);
        audit.Record(new AuditRecord(client.RegionCode, "Open311Client", client.Id.ToString(), "Open311ClientIssued", new { client.Name, client.KeyPrefix }));
        await db.SaveChangesAsync(ct);
        return new IssuedClient(client.Id, client.Name, key, client.KeyPrefix);
    }

    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken ct) =>
        (await db.Set<Open311Client>().AsNoTracking().OrderByDescending(c => c.CreatedAt).ToListAsync(ct))
        .Select(c => new ClientView(c.Id, c.Name, c.KeyPrefix, c.CreatedAt, c.CreatedByName, c.RevokedAt)).ToList();

    public async Task<Result<ClientView>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Open311Client>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return Error.NotFound("open311:client-not-found", "没有这个 Open311 客户端");
        }

        c.RevokedAt ??= clock.Now();
        audit.Record(new AuditRecord(c.RegionCode, "Open311Client", c.Id.ToString(), "Open311ClientRevoked", new { c.Name, c.KeyPrefix }));
        await db.SaveChangesAsync(ct);
        return new ClientView(c.Id, c.Name, c.KeyPrefix, c.CreatedAt, c.CreatedByName, c.RevokedAt);
    }
}

/// <summary>The routes of Open311 GeoReport v2 (../shared/API.md): <c>/open311/v2/…{.json|.xml}</c>, and the administrators' client keys.</summary>
internal static class Open311Endpoints
{
    private const string Format = "{format:regex(^(json|xml)$)}";

    public static void Map(WebApplication app)
    {
        var v2 = app.MapGroup("/open311/v2").WithTags("Open311 GeoReport v2").AllowAnonymous();
        v2.MapGet($"/discovery.{Format}", (string format, HttpRequest http) => GeoReport.Discovery(format, http.PublicBase()))
            .WithSummary("服务发现（GeoReport v2 discovery）");
        v2.MapGet($"/services.{Format}", (string format) => GeoReport.Services(format)).WithSummary("服务列表：诉求分类的末级");
        v2.MapGet($"/services/{{code}}.{Format}", (string code, string format) => GeoReport.Definition(format, code)).WithSummary("服务定义：分类表单的属性");
        v2.MapGet($"/requests.{Format}", (string format, HttpRequest http, GeoReport g, CancellationToken ct) => g.ListAsync(format, http.Query, ct))
            .WithSummary("诉求列表（仅经 Open311 提交、非保密的）：service_request_id、service_code、status、start_date/end_date（≤90 天）、page/page_size");
        v2.MapPost($"/requests.{Format}", (string format, HttpRequest http, GeoReport g, CancellationToken ct) => FormAsync(format, http, form => g.CreateAsync(format, form, ct), ct))
            .WithSummary("提交诉求（表单编码，须 api_key）：成为 12345 工单");
        v2.MapGet($"/requests/{{id}}.{Format}", (string id, string format, GeoReport g, CancellationToken ct) => g.OneAsync(format, id, ct)).WithSummary("一条诉求");
        v2.MapGet($"/tokens/{{token}}.{Format}", (string token, string format, GeoReport g, CancellationToken ct) => g.TokenAsync(format, token, ct))
            .WithSummary("凭 token 取 service_request_id");
        v2.MapGet($"/servicerequestupdates.{Format}", (string format, HttpRequest http, GeoReport g, CancellationToken ct) => g.UpdatesAsync(format, http.Query, ct))
            .WithSummary("诉求进展（FixMyStreet 扩展）：start_date/end_date 内的公开步骤");
        v2.MapPost($"/servicerequestupdates.{Format}", (string format, HttpRequest http, GeoReport g, CancellationToken ct) => FormAsync(format, http, form => g.AddUpdateAsync(format, form, ct), ct))
            .WithSummary("补充说明（FixMyStreet 扩展，须 api_key，仅限本客户端提交的诉求）");

        static async Task<IResult> FormAsync(string format, HttpRequest http, Func<IFormCollection, Task<IResult>> post, CancellationToken ct) =>
            http.HasFormContentType ? await post(await http.ReadFormAsync(ct)) : GeoReportFormat.Errors(format, 400, "请以 application/x-www-form-urlencoded 提交");

        var clients = app.MapGroup("/api/v1/open311/clients").WithTags("Open311 GeoReport v2").RequireAuthorization(Policies.Admin);
        clients.MapPost("/", async Task<Results<Created<IssuedClient>, ProblemHttpResult>> (ClientInput input, Open311Clients c, CancellationToken ct) =>
                await c.IssueAsync(input, ct) is var r && r.IsSuccess ? TypedResults.Created($"/api/v1/open311/clients/{r.Value!.Id}", r.Value) : r.Error!.ToProblem())
            .WithSummary("签发 Open311 客户端的 api_key（只显示这一次）");
        clients.MapGet("/", async (Open311Clients c, CancellationToken ct) => TypedResults.Ok(await c.ListAsync(ct))).WithSummary("Open311 客户端");
        clients.MapDelete("/{id:guid}", async Task<Results<Ok<ClientView>, ProblemHttpResult>> (Guid id, Open311Clients c, CancellationToken ct) =>
                (await c.RevokeAsync(id, ct)).ToOkOrProblem())
            .WithSummary("停用 Open311 客户端的 api_key");
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OneWindow.Platform.Web;

/// <summary>
/// The served OpenAPI document as outside tools need it (ADR 0027): every operation has a stable <c>operationId</c>
/// (verb + noun from its method and route, or the endpoint's own name), its tag's description, its security requirement
/// (bearer token or sign-in cookie; none, or either, on open routes), the RFC 9457 problem responses it can return with
/// their <c>urn:onewindow:</c> types, and a schema for every success body (files as binary). <c>redocly lint</c> checks it
/// in the tests with <c>docs/api/redocly.yaml</c>.
/// </summary>
public static class ApiContract
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["平台"] = "健康检查、审计哈希链校验等平台接口",
        ["身份核验"] = "身份证号、统一社会信用代码、手机号的校验",
        ["跨域通办"] = "跨区县、跨省通办协议",
        ["账户"] = "登录、注册、实名核验与会话",
        ["办件"] = "办件的申请、受理、审查、决定、办结与出件",
        ["电子证照"] = "电子证照、扫码亮证、核验与吊销",
        ["工程建设项目"] = "工程建设项目的阶段并联审批",
        ["服务大厅"] = "取号、叫号、窗口与大厅显示屏",
        ["好差评"] = "服务评价与差评整改",
        ["政邮商寄递"] = "证照寄递、上门收件与月度结算",
        ["工作日历"] = "法定节假日与调休工作日，按工作日计算期限",
        ["文件"] = "申请材料的上传与下载",
        ["组织机构"] = "部门、区划与人员",
        ["事项目录"] = "政务服务事项目录、办事指南与材料",
        ["一件事"] = "一件事一次办：多个事项一表申请、并联办理",
        ["专家库"] = "评审专家的抽取",
        ["12345 工单"] = "12345 热线工单的登记、派发、办理与回复",
        ["12345 知识库"] = "热线知识库与办事指南检索",
        ["Open311 GeoReport v2"] = "Open311 GeoReport v2 标准接口（JSON 与 XML）",
        ["回访"] = "办件回访名单与回访记录",
        ["办不成事"] = "办不成事反映窗口",
        ["反向体验"] = "干部反向办事体验",
        ["审管联动"] = "审批结果推送监管、监管结果反馈审批",
        ["告知承诺核查"] = "告知承诺事项的事后核查",
        ["勘验"] = "现场勘验与勘验报告",
        ["上门办"] = "上门收件与代办",
        ["中介超市"] = "中介机构入驻、项目采购与评价",
        ["服务网点"] = "政务服务中心与合作网点地图",
        ["统计分析"] = "领导驾驶舱与统计报表",
    };

    /// <summary>The problem responses, one shared definition per status (the document lists them once and refers to them).</summary>
    private static readonly (string Status, string Name, string Title, ErrorKind? Kind)[] ProblemResponses =
    [
        ("400", "BadRequest", "请求有误：errors 按字段给出原因", ErrorKind.Validation),
        ("401", "Unauthorized", "未登录或登录已过期", ErrorKind.Unauthorized),
        ("403", "Forbidden", "无权进行此操作", ErrorKind.Forbidden),
        ("404", "NotFound", "对象不存在（或无权知道它存在）", ErrorKind.NotFound),
        ("409", "Conflict", "与当前状态冲突（含并发修改：刷新后重试）", ErrorKind.Conflict),
        ("422", "UnprocessableEntity", "内容可读但不能办理", ErrorKind.Unprocessable),
    ];

    public static void AddApiContract(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer(DescribeDocument);
        o.AddOperationTransformer(DescribeOperation);
        // Strings go through BoundedStringConverter (a length limit for every text); a custom converter hides the type from
        // the schema exporter, which would leave every string property as {} (any type).
        o.AddSchemaTransformer((schema, context, ct) =>
        {
            if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.Properties is not { Count: > 0 })
            {
                schema.Type = JsonSchemaType.String;
            }

            // An enum is a string of its camelCase names. The shared schema carries no null among them: a nullable use
            // says so where it is used (oneOf null or the enum), which generators read as an optional enum, not a class.
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum && schema.Enum is { Count: > 0 })
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. schema.Enum.Where(e => e is not null)];
            }

            return Task.CompletedTask;
        });
    });

    /// <summary>Marks an endpoint that honours an <c>Idempotency-Key</c> header (a retry returns what the first request made).</summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyKeyHeader());

    private sealed class IdempotencyKeyHeader;

    /// <summary>Marks an endpoint that reads a multipart upload itself (field <c>file</c>, and <paramref name="fields"/> as text).</summary>
    public static TBuilder AcceptsFileUpload<TBuilder>(this TBuilder builder, params string[] fields) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FileUpload(fields));

    private sealed record FileUpload(string[] Fields);

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "一窗通办 OneWindow API";
        document.Info.Description = "政务服务平台的公开接口。错误为 RFC 9457 problem details（application/problem+json），type 为稳定的 urn:onewindow:… 。"
                                    + " 接口用 bearer token（POST /api/v1/auth/login 返回）或登录 Cookie（写操作须带 X-Requested-With 请求头）。";
        var request = context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request;
        document.Servers = [new OpenApiServer { Url = request?.PublicBase() ?? "/" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "POST /api/v1/auth/login 返回的 token",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Identity.AuthSetup.CookieName,
            Description = "网页登录后的 Cookie；以它写入数据时须带 X-Requested-With 请求头",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["Problem"] = ProblemSchema();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var (_, name, title, kind) in ProblemResponses)
        {
            var types = ProblemTypes.Of(kind!.Value);
            document.Components.Responses[name] = new OpenApiResponse
            {
                Description = title + "。type 取值：" + string.Join("、", types.Select(t => Problems.TypePrefix + t)),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("Problem", document) },
                },
            };
        }

        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name, Description = TagDescriptions.GetValueOrDefault(name, name),
        }));
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "稳定的错误类型 urn:onewindow:…" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "中文说明" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C trace id，日志与追踪中同一值" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null, Description = "按字段给出的原因（仅 400）",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        Required = new HashSet<string> { "type", "title", "status" },
    };

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var method = description.HttpMethod ?? "GET";
        var route = "/" + (description.RelativePath ?? "").TrimStart('/');
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.OperationId ??= OperationId(method, route);

        var document = context.Document!;
        if (metadata.OfType<IdempotencyKeyHeader>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
                Description = "客户端生成的唯一键（不超过 100 个字符）：网络重试时带同一个键，返回第一次创建的对象，不会重复创建",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
            });
        }

        if (metadata.OfType<FileUpload>().FirstOrDefault() is { } upload)
        {
            var properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            foreach (var field in upload.Fields)
            {
                properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string> { "file" } } },
                },
            };
        }

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var protectedRoute = !anonymous && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] };
        var cookie = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] };
        // Open routes: anyone; many answer a signed-in caller more (their own cases), so either credential may come too.
        operation.Security = protectedRoute ? [bearer, cookie] : [new OpenApiSecurityRequirement(), bearer, cookie];

        operation.Responses ??= [];
        foreach (var (status, content) in FileResponses(route, operation))
        {
            if (operation.Responses[status] is OpenApiResponse response)
            {
                response.Content = content;
            }
        }

        var write = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var takesInput = write || (operation.Parameters?.Count ?? 0) > 0;
        var problems = new List<string>();
        if (takesInput)
        {
            problems.Add("400");
        }

        if (protectedRoute)
        {
            problems.AddRange(["401", "403"]);
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            problems.Add("404");
        }

        if (write)
        {
            problems.AddRange(["409", "422"]);
        }

        foreach (var status in problems)
        {
            var name = ProblemResponses.First(p => p.Status == status).Name;
            operation.Responses.TryAdd(status, new OpenApiResponseReference(name, document));
        }

        return Task.CompletedTask;
    }

    /// <summary>Success responses that are files (PDF, PNG, CSV…) get their media type and a binary schema.</summary>
    private static IEnumerable<(string Status, Dictionary<string, OpenApiMediaType> Content)> FileResponses(string route, OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!status.StartsWith('2') || status == "204" || response.Content is { Count: > 0 })
            {
                continue;
            }

            var types = MediaTypesOf(route);
            yield return (status, types.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }));
        }
    }

    private static string[] MediaTypesOf(string route)
    {
        var path = route.Split('?')[0];
        return path switch
        {
            _ when path.EndsWith(".pdf", StringComparison.Ordinal) || path.EndsWith("/pdf", StringComparison.Ordinal) || path.Contains("/monthly/", StringComparison.Ordinal) => ["application/pdf"],
            _ when path.EndsWith(".png", StringComparison.Ordinal) => ["image/png"],
            _ when path.EndsWith(".svg", StringComparison.Ordinal) => ["image/svg+xml"],
            _ when path.EndsWith(".csv", StringComparison.Ordinal) => ["text/csv"],
            _ when path.EndsWith("/credential", StringComparison.Ordinal) => ["application/vc+jwt"],
            _ when path.EndsWith(".{format}", StringComparison.Ordinal) => ["application/json", "application/xml"],
            _ when path.EndsWith("/export", StringComparison.Ordinal) || path.EndsWith("/report", StringComparison.Ordinal) =>
                ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
            _ => ["application/octet-stream"],
        };
    }

    /// <summary>
    /// verb + noun from the method and route: <c>GET /api/v1/cases/{id}</c> → <c>getCase</c>, <c>GET /api/v1/cases</c> →
    /// <c>listCases</c>, <c>POST /api/v1/cases</c> → <c>createCase</c>, <c>POST /api/v1/cases/{id}/accept</c> → <c>acceptCase</c>,
    /// <c>GET /api/v1/licenses/{id}/qr.png</c> → <c>getLicenseQrPng</c>. Stable while the route is.
    /// </summary>
    public static string OperationId(string method, string route)
    {
        // Route constraints and format suffixes are not part of the name: /services.{format:regex(…)} → services.
        var plain = System.Text.RegularExpressions.Regex.Replace(route.Split('?')[0], @"\{(\w+)[^{}]*\}", "{$1}");
        plain = System.Text.RegularExpressions.Regex.Replace(plain, @"(?<=[^/])\.\{\w+\}", "");
        var segments = plain.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count >= 2 && segments[0] == "api" && segments[1].StartsWith('v'))
        {
            segments.RemoveRange(0, 2);
        }

        static bool IsParameter(string s) => s.StartsWith('{');
        var nouns = segments.Where(s => !IsParameter(s)).ToList();
        var lastIsParameter = segments.Count > 0 && IsParameter(segments[^1]);
        var last = nouns.LastOrDefault("");
        string verb;
        if (method == "POST" && !lastIsParameter && nouns.Count > 1 && !last.EndsWith('s'))
        {
            // An action on what comes before it: POST /cases/{id}/accept, POST /auth/login.
            verb = Camel(last);
            nouns.RemoveAt(nouns.Count - 1);
        }
        else
        {
            verb = method switch
            {
                "GET" => lastIsParameter || !last.EndsWith('s') ? "get" : "list",
                "POST" => "create",
                "PUT" => "update",
                "PATCH" => "patch",
                "DELETE" => "delete",
                _ => method.ToLowerInvariant(),
            };
        }

        var words = new StringBuilder(verb);
        for (var i = 0; i < nouns.Count; i++)
        {
            var at = segments.IndexOf(nouns[i]);
            var followedByParameter = at + 1 < segments.Count && IsParameter(segments[at + 1]);
            words.Append(Pascal(followedByParameter || (i == nouns.Count - 1 && verb != "list") ? Singular(nouns[i]) : nouns[i]));
        }

        return words.ToString();
    }

    private static string Singular(string noun) =>
        noun.Length <= 3 ? noun
        : noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y"
        : noun.EndsWith("sses", StringComparison.Ordinal) || noun.EndsWith("shes", StringComparison.Ordinal) || noun.EndsWith("ches", StringComparison.Ordinal)
          || noun.EndsWith("xes", StringComparison.Ordinal) ? noun[..^2]
        : noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1]
        : noun;

    private static string Pascal(string text)
    {
        var builder = new StringBuilder();
        foreach (var part in text.Split(['-', '.', '_', '{', '}'], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
        }

        return builder.ToString();
    }

    private static string Camel(string text)
    {
        var pascal = Pascal(text);
        return pascal.Length == 0 ? pascal : char.ToLower(pascal[0], CultureInfo.InvariantCulture) + pascal[1..];
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace OneWindow.Platform.Web;

/// <summary>RFC 9457 problem details: a stable <c>type</c> URN and a Chinese <c>title</c> for people.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:onewindow:";

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Locked => StatusCodes.Status423Locked,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
    };

    public static ProblemDetails ToProblemDetails(Error error)
    {
        var problem = error.Fields is { Count: > 0 }
            ? new HttpValidationProblemDetails(error.Fields.ToDictionary(kv => kv.Key, kv => kv.Value))
            : new ProblemDetails();
        problem.Type = TypePrefix + error.Code;
        problem.Title = error.Title;
        problem.Status = StatusOf(error.Kind);
        problem.Detail = error.Detail;
        return problem;
    }

    /// <summary>The one way an endpoint turns a typed error into a response.</summary>
    public static ProblemHttpResult ToProblem(this Error error) => TypedResults.Problem(ToProblemDetails(error));

    /// <summary>As <see cref="ToProblem(Error)"/>, and a Retry-After header when the error says how long to wait.</summary>
    public static ProblemHttpResult ToProblem(this Error error, HttpContext context)
    {
        if (error.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        }

        return error.ToProblem();
    }

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A result as 200 with its value, or as its problem details.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOkOrProblem<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();

    /// <summary>Runs a change with the version the request's <c>If-Match</c> names (if any): 200 with the result, or problem details.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> WithIfMatchAsync<T>(this HttpRequest http, Func<int?, Task<Result<T>>> change)
    {
        var version = http.IfMatchVersion();
        return version.IsSuccess ? (await change(version.Value)).ToOkOrProblem() : version.Error!.ToProblem();
    }

    /// <summary>
    /// The version an <c>If-Match</c> header names (<c>"3"</c> or <c>W/"3"</c>): null when there is none, a
    /// field error when it is not a version (optimistic concurrency: a stale version is answered with 409).
    /// </summary>
    public static Result<int?> IfMatchVersion(this HttpRequest http)
    {
        if (http.Headers.IfMatch.FirstOrDefault() is not { } tag)
        {
            return (int?)null;
        }

        return int.TryParse(tag.Trim('"', 'W', '/'), out var version)
            ? version
            : Error.Field("If-Match", "If-Match 应为版本号（version），如 \"3\"");
    }

    /// <summary>
    /// Last line of defence: malformed bodies become 400, lost concurrency races 409; only a genuine
    /// fault is a 500, and its problem says so in Chinese without leaking internals.
    /// </summary>
    public static void UseOneWindowProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ClassifyException(ex).Status ?? 500,
            ExceptionHandler = async context =>
            {
                var ex = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var problem = ClassifyException(ex);
                context.Response.StatusCode = problem.Status ?? 500;
                if (problem.Status == StatusCodes.Status503ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (context.Request.Path.StartsWithSegments("/api") || !AcceptsHtml(context.Request))
                {
                    await context.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json");
                }
                else
                {
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync(SimplePage(context.Request, problem.Title ?? "出错了", problem.Detail));
                }
            },
        });
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            var status = context.Response.StatusCode;
            var problem = new ProblemDetails
            {
                Status = status,
                Type = TypePrefix + StatusCodeType(status),
                Title = StatusCodeTitle(status),
            };
            if (context.Request.Path.StartsWithSegments("/api") || !AcceptsHtml(context.Request))
            {
                await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json");
            }
            else
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(SimplePage(context.Request, problem.Title, null));
            }
        });
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    internal static ProblemDetails ClassifyException(Exception? ex) => ex switch
    {
        BadHttpRequestException { InnerException: TextTooLongException } or TextTooLongException => TooLong(ex),
        BadHttpRequestException { InnerException: JsonException } or JsonException => new ProblemDetails
        {
            Status = 400, Type = TypePrefix + "request:malformed-json", Title = "请求内容不是有效的 JSON",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
            Type = TypePrefix + "request:bad", Title = "请求格式不正确",
        },
        DbUpdateConcurrencyException => ToProblemDetails(Error.StaleWrite),
        OperationCanceledException => new ProblemDetails
        {
            Status = 499, Type = TypePrefix + "request:cancelled", Title = "请求已取消",
        },
        _ when DatabaseUnreachable(ex) => new ProblemDetails
        {
            Status = 503, Type = TypePrefix + "server:database-unavailable", Title = "系统暂时无法访问数据库，请稍后重试（已受理的数据不会丢失）",
        },
        _ => new ProblemDetails
        {
            Status = 500, Type = TypePrefix + "server:fault", Title = "服务器内部错误，请稍后重试",
        },
    };

    private static HttpValidationProblemDetails TooLong(Exception? ex)
    {
        var json = ex as JsonException ?? ex?.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"每个字段最多 {TextRules.MaxJsonString} 个字"] })
        {
            Status = 400, Type = TypePrefix + "request:text-too-long", Title = "提交的文本过长",
        };
    }

    /// <summary>What a client is told to wait while the database cannot be reached (the server reconnects by itself).</summary>
    public const int DatabaseRetryAfterSeconds = 5;

    /// <summary>The database could not be reached (connection refused, reset, timed out, server shutting down): 503, not a fault of ours.</summary>
    internal static bool DatabaseUnreachable(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
                || (e is Npgsql.PostgresException pg && pg.SqlState is "57P01" or "57P02" or "57P03" or "53300")
                || (e is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode is 5 or 6 or 14))
            {
                return true;
            }
        }

        return false;
    }

    private static string StatusCodeType(int status) => status switch
    {
        400 => "request:bad",
        401 => "auth:unauthenticated",
        403 => "auth:forbidden",
        404 => "not-found",
        405 => "request:method-not-allowed",
        413 => "request:too-large",
        415 => "request:unsupported-media-type",
        429 => "request:too-many",
        _ => "http:" + status,
    };

    private static string StatusCodeTitle(int status) => status switch
    {
        400 => "请求格式不正确",
        401 => "请先登录",
        403 => "没有权限执行此操作",
        404 => "找不到请求的内容",
        405 => "不支持该请求方法",
        413 => "上传内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁，请稍后再试",
        _ => "请求未能完成",
    };

    /// <summary>
    /// The page a person sees for an error status (404, 403, 500 …): the site's header and styles, a viewport for phones,
    /// what happened in Chinese, and the ways on (home, search, 进度查询) — not a bare line of text.
    /// </summary>
    /// <summary>The error page: the site's look (and 关怀模式 when it is on), a search box and the way home; no view engine needed.</summary>
    private static string SimplePage(HttpRequest request, string title, string? detail)
    {
        var t = System.Net.WebUtility.HtmlEncode(title);
        var d = System.Net.WebUtility.HtmlEncode(detail ?? "");
        var care = CareMode.IsOn(request);
        var back = Uri.EscapeDataString(request.Path + request.QueryString);
        var careClass = care ? " class=\"ow-care\"" : "";
        var careLink = $"<a class=\"btn btn-sm btn-outline-light ms-auto\" href=\"/care-mode?on={(care ? "false" : "true")}&amp;back={back}\">{(care ? "退出关怀模式" : "关怀模式")}</a>";
        return $"""
            <!doctype html><html lang="zh-CN"{careClass}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{t} · 一窗通办</title>
            <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body>
            <header class="ow-header"><div class="container d-flex align-items-center py-2">
            <a class="ow-brand text-decoration-none" href="/"><span class="ow-emblem" aria-hidden="true">政</span>
            <span><span class="d-block ow-product">一窗通办 · 政务服务平台</span></span></a>{careLink}</div></header>
            <main class="container py-5" data-testid="error-page">
            <h1 class="h3">{t}</h1><p class="text-muted">{d}</p>
            <form method="get" action="/search" class="row g-2 my-4" role="search" style="max-width: 36rem">
            <div class="col-8"><label class="visually-hidden" for="q">搜索事项</label><input id="q" name="q" class="form-control" placeholder="搜索办事事项"></div>
            <div class="col-4 d-grid"><button class="btn btn-danger" type="submit">搜索</button></div></form>
            <p><a href="/">返回首页</a> · <a href="/track">办件进度查询</a></p>
            </main></body></html>
            """;
    }
}

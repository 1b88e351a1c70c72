using Microsoft.AspNetCore.Http.HttpResults;
using OneWindow.Platform.Identity;
using OneWindow.Platform.Web;

namespace OneWindow.Platform.Files;

public static class FileEndpoints
{
    public static void MapFiles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/files").WithTags("文件");

        group.MapPost("/", async Task<Results<Created<FileInfoResponse>, ProblemHttpResult>> (
            HttpRequest request, FileStore store, ICurrentUser user, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return Error.Field("file", "请以 multipart/form-data 上传，字段名 file").ToProblem();
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return Error.Field("file", "请选择要上传的文件（字段名 file）").ToProblem();
            }

            // Staff upload public guide assets (blank forms, samples) when they say so; applicants' uploads stay private.
            var isPublic = user.IsStaff && string.Equals(form["public"], "true", StringComparison.OrdinalIgnoreCase);
            await using var stream = file.OpenReadStream();
            var saved = await store.SaveAsync(stream, file.FileName, user.UserId!, user.RegionCode ?? "", isPublic, ct);
            return saved.IsSuccess
                ? TypedResults.Created($"/api/v1/files/{saved.Value!.FileId}", saved.Value)
                : saved.Error!.ToProblem();
        }).RequireAuthorization().DisableAntiforgery()
          .AcceptsFileUpload("public").WithSummary("上传文件（multipart，字段 file；PDF/PNG/JPG/DOCX/XLSX，不超过 10 MB）");

        group.MapGet("/{id:guid}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            Guid id, FileStore store, ICurrentUser user, IEnumerable<IFileAccess> vouchers, CancellationToken ct) =>
        {
            var found = await store.ReadAsync(id, ct);
            if (found is not { } f)
            {
                return Error.NotFound("file:not-found", "文件不存在").ToProblem();
            }

            if (!f.File.Public && user.UserId != f.File.UploadedBy && !await VouchedAsync(vouchers, id, ct))
            {
                return (user.IsAuthenticated ? Error.Forbidden("file:forbidden", "无权查看该文件") : new Error("auth:unauthenticated", "请先登录", ErrorKind.Unauthorized)).ToProblem();
            }

            return TypedResults.File(f.Bytes, f.File.ContentType, f.File.FileName, lastModified: f.File.UploadedAt,
                entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{f.File.Sha256}\""));
        }).WithSummary("下载文件（公开文件任何人可下载；其余按所附办件、项目的查看权限）");
    }

    private static async Task<bool> VouchedAsync(IEnumerable<IFileAccess> vouchers, Guid id, CancellationToken ct)
    {
        foreach (var voucher in vouchers)
        {
            if (await voucher.MaySeeAsync(id, ct))
            {
                return true;
            }
        }

        return false;
    }
}

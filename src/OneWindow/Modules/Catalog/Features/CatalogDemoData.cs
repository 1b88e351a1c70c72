using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Catalog.Contracts;
using OneWindow.Modules.Catalog.Data;
using OneWindow.Modules.Catalog.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;
using OneWindow.Platform.Files;

namespace OneWindow.Modules.Catalog.Features;

/// <summary>
/// The demo catalogue (DemoData/catalog.json, the same format as an export) and its blank forms
/// and filled samples (样板间), stored under fixed file ids so the definitions can refer to them.
/// </summary>
internal sealed class CatalogDemoData(AppDbContext db, FileStore files, TimeProvider clock, CatalogIndex index) : IDemoSeeder
{
    public int Order => 30;

    public static readonly IReadOnlyList<(Guid Id, string Resource, string Name)> DemoFiles =
    [
        (new Guid("0b0e0001-0000-4000-8000-000000000001"), "enterprise-blank.pdf", "企业申请书（空白表）.pdf"),
        (new Guid("0b0e0001-0000-4000-8000-000000000002"), "enterprise-sample.png", "企业申请书（填写样例）.png"),
        (new Guid("0b0e0001-0000-4000-8000-000000000003"), "person-blank.pdf", "个人申请表（空白表）.pdf"),
        (new Guid("0b0e0001-0000-4000-8000-000000000004"), "person-sample.png", "个人申请表（填写样例）.png"),
        (new Guid("0b0e0001-0000-4000-8000-000000000005"), "project-blank.pdf", "建设项目申请表（空白表）.pdf"),
        (new Guid("0b0e0001-0000-4000-8000-000000000006"), "project-sample.png", "建设项目申请表（填写样例）.png"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var have = (await db.Set<StoredFile>().Where(f => DemoFiles.Select(d => d.Id).Contains(f.Id)).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
        foreach (var (id, resource, name) in DemoFiles.Where(d => !have.Contains(d.Id)))
        {
            await using var stream = assembly.GetManifestResourceStream(Resource(assembly, resource))!;
            var saved = await files.SaveAsync(stream, name, "system", DemoCity.City, isPublic: true, ct, id);
            if (!saved.IsSuccess)
            {
                throw new InvalidOperationException($"demo file {name}: {saved.Error!.Title}");
            }
        }

        var existing = (await db.Set<ServiceItem>().Select(i => i.Code).Distinct().ToListAsync(ct)).ToHashSet();
        await using var json = assembly.GetManifestResourceStream(Resource(assembly, "catalog.json"))!;
        var export = await JsonSerializer.DeserializeAsync<CatalogExport>(json, ServiceItemConfiguration.Json, ct)
                     ?? throw new InvalidOperationException("demo catalogue missing");
        var now = clock.Now();
        foreach (var doc in export.Items.Concat(Implementations(export.Items)).Where(d => !existing.Contains(d.Code)))
        {
            var item = new ServiceItem { Id = Guid.CreateVersion7(clock.GetUtcNow()), ItemVersion = 1, Status = ItemStatus.Draft };
            doc.ApplyTo(item);
            item.Publish(now, "系统（演示数据）");
            db.Add(item);
        }

        await db.SaveChangesAsync(ct);
        index.Invalidate();
    }

    /// <summary>
    /// The county and township implementations of city items (ADR 0026): the same item under the implementing body's own code
    /// (<c>{basic}-{region}</c>), region and department; its supervising department is the county's own of the same line.
    /// </summary>
    public static IEnumerable<ItemDocument> Implementations(IReadOnlyList<ItemDocument> city)
    {
        (string Region, string Name)[] counties = [(DemoCity.Bincheng, "滨城区"), (DemoCity.Huimin, "惠民县")];
        foreach (var (region, name) in counties)
        {
            foreach (var d in DemoCity.CountyItems.Select(code => city.Single(c => c.Code == code)))
            {
                yield return d with
                {
                    Code = $"{d.Code}-{region}", Region = region, Department = $"{region}-{Line(d.Department)}",
                    SupervisingDepartment = d.SupervisingDepartment is { } s ? $"{region}-{Line(s)}" : null, Location = $"{name}政务服务中心",
                };
            }
        }

        foreach (var (region, township, county) in DemoCity.Townships)
        {
            foreach (var d in DemoCity.TownshipItems.Select(code => city.Single(c => c.Code == code)))
            {
                yield return d with
                {
                    Code = $"{d.Code}-{region}", Region = region, Department = $"{region}-BMZX", SupervisingDepartment = null,
                    Location = $"{county}{township}便民服务中心",
                };
            }
        }
    }

    private static string Line(string department) => department[(department.IndexOf('-', StringComparison.Ordinal) + 1)..];

    private static string Resource(Assembly assembly, string file) =>
        assembly.GetManifestResourceNames().Single(n => n.EndsWith("DemoData." + file, StringComparison.Ordinal)
                                                        || n.EndsWith("DemoData.files." + file, StringComparison.Ordinal));
}

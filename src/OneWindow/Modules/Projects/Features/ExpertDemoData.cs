using Microsoft.EntityFrameworkCore;
using OneWindow.Modules.Projects.Domain;
using OneWindow.Platform;
using OneWindow.Platform.Data;

namespace OneWindow.Modules.Projects.Features;

/// <summary>
/// The demo's 专家库: 50 experts in 6 fields from the city's design institutes, universities and consultancies; a few work for a
/// demo project's owner or worked on a demo project, so the draw's 回避 shows.
/// </summary>
internal sealed class ExpertDemoData(AppDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 55;

    private static readonly (string Name, string Code)[] Employers =
    [
        ("滨州市建筑设计研究院有限公司", "91371600MA3BUILD01"), ("滨州学院", "12371600MB0COLL02X"), ("山东黄河工程咨询有限公司", "91371600MA3CONS03"),
        ("滨州市勘察测绘研究院", "12371600MB0SURV04"), ("滨州市消防技术服务中心", "12371600MB0FIRE05"), ("滨州市环境科学研究所", "12371600MB0ENVI06"),
    ];

    private const string RopeCompany = "91371621MA3D1F7PX2";

    private const string KitchenProject = "2611-371600-04-01-000001";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];

    private static readonly string[] Given = ["建国", "志强", "海燕", "文博", "立新", "秀梅", "振华", "晓东", "春生", "玉兰", "德胜", "明远", "静怡", "国栋", "雪峰"];

    private static readonly string[] Titles = ["正高级工程师", "高级工程师", "教授", "注册结构工程师", "注册造价工程师"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Expert>().AnyAsync(ct))
        {
            return;
        }

        var fields = ExpertFields.All.Keys.ToList();
        for (var i = 0; i < 50; i++)
        {
            var employer = Employers[i % Employers.Length];
            db.Add(new Expert
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = Surnames[i % Surnames.Length] + Given[(i * 7) % Given.Length], Field = fields[i % fields.Count],
                Title = Titles[i % Titles.Length],
                // Two in each of the first two fields work for 惠民县绳网制品 (owner of two demo projects); three designed the central kitchen.
                EmployerName = i is 0 or 1 or 6 or 7 ? "惠民县绳网制品有限公司" : employer.Name,
                EmployerCode = i is 0 or 1 or 6 or 7 ? RopeCompany : employer.Code,
                Involvements = i is 12 or 18 or 24 ? [KitchenProject] : [],
                CreatedAt = clock.Now(),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}

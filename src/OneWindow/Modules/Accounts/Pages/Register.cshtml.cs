using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneWindow.Modules.Accounts.Features;

namespace OneWindow.Modules.Accounts.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Platform.Web.Throttles.Register)]
internal sealed class RegisterModel(RegisterHandler register, SignInHandler signIn) : PageModel
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdentityCode { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<string> ErrorsFor(string key) => Errors.TryGetValue(key, out var e) ? e : [];

    public IEnumerable<(string Key, string Label, string Type, string? Value, string? Hint)> Fields =>
    [
        ("userName", "用户名", "text", UserName, "3 到 32 个字符：字母、数字或 . _ -"),
        ("password", "密码", "password", null, "至少 8 位，须包含数字"),
        ("name", "姓名 / 企业名称", "text", Name, null),
        ("identityCode", "身份证号 / 统一社会信用代码", "text", IdentityCode, "18 位，系统将核验校验码与行政区划"),
        ("mobile", "手机号", "tel", Mobile, "用于接收办件短信通知"),
    ];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await register.RegisterAsync(new RegisterRequest(Kind, UserName, Password, Name, IdentityCode, Mobile));
        if (!result.IsSuccess)
        {
            Errors = result.Error!.Fields ?? new Dictionary<string, string[]> { ["account"] = [result.Error.Title] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await signIn.SignInAsync(new SignInRequest(UserName, Password));
        return Redirect("/account/identity");
    }
}

namespace OneWindow.Platform.Web;

/// <summary>
/// 关怀模式, after the national 适老化 rules for government websites (互联网网站适老化通用设计规范): larger type, wider
/// line spacing, high contrast, underlined links, and the secondary parts of a page left out (<c>ow-care-hide</c>).
/// It is a preference, not a permission: a cookie any visitor may set, read by the layouts.
/// </summary>
public static class CareMode
{
    public const string Cookie = "ow-care";

    public static bool IsOn(HttpRequest request) => request.Cookies[Cookie] == "1";
}

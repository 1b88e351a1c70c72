using System.Text.Json;
using Microsoft.Playwright;
using OneWindow.Tests.Infrastructure;
using Xunit;

namespace OneWindow.BrowserTests;

/// <summary>axe-core in the page (WCAG 2.1 A/AA and best practice): the serious and critical findings of a page, for every page test that audits.</summary>
public static class AxeAudit
{
    public static async Task<IPage> NewPageAsync(BrowserFixture fixture, bool desktop)
    {
        // axe is injected as a script tag; the platform's content security policy (nonces only) would refuse it.
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = "zh-CN", BypassCSP = true,
            ViewportSize = desktop ? new ViewportSize { Width = 1280, Height = 900 } : new ViewportSize { Width = 390, Height = 844 },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs axe-core (WCAG 2.1 A and AA rules) on a page and returns its serious and critical findings, one line each.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IPage page, string axe, string path)
    {
        await page.GotoAsync(path);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary ?? '').split('\n').slice(1, 2).join('')) })));
            }
            """);
        var violations = JsonDocument.Parse(json).RootElement;
        return violations.EnumerateArray()
            .Select(v => $"{path}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) at {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }
}

using System.Net;
using System.Text.Json;
using Xunit;

namespace OneWindow.Tests.Infrastructure;

public static class Http
{
    /// <summary>Reads a problem details body and checks status, content type and the stable type code.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(text).RootElement;
        if (type is not null)
        {
            Assert.Equal("urn:onewindow:" + type, json.GetProperty("type").GetString());
        }

        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static bool HasChinese(string? s) => s is not null && s.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>Waits for background work (the outbox dispatcher) to reach a state; fails with the message if it does not.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string because, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(because);
    }
}

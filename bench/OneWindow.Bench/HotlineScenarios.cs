using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OneWindow.Bench;

/// <summary>
/// Issue 21: the 12345 agent's API. <c>work-order</c> takes calls (<c>POST /api/v1/work-orders</c>, a fresh
/// Idempotency-Key each); <c>work-order-get</c> reads one closed order of the demo history as the agent does;
/// <c>suggest</c> asks for the same order's dispatch suggestions over the demo history, grown to 10,000 closed orders for
/// this run — the difference between the two is the ranking.
/// </summary>
public sealed class HotlineSetup
{
    private HotlineSetup(string agent, string orderId) => (Agent, OrderId) = (agent, orderId);

    public string Agent { get; }

    public string OrderId { get; }

    public static async Task<HotlineSetup> PrepareAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(1) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "hotline", password = "OneWindow#2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/work-orders?status=closed&pageSize=1");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var closed = await http.SendAsync(list);
        closed.EnsureSuccessStatusCode();
        return new HotlineSetup(token, (await closed.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!["id"]!.GetValue<string>());
    }

    private static object Call(int worker, long i) => new
    {
        channel = "phone", type = "complaint", categoryCode = "010101",
        caller = new { name = "压测来电", phone = $"139{(worker * 1_000_003L + i) % 100_000_000:00000000}" }, confidential = false,
        content = "小区 3 号楼电梯停运三天，老人上下楼困难，物业不处理。", location = new { address = "滨州市滨城区黄河五路 100 号", lat = 37.38, lng = 117.97 }, urgency = "normal",
    };

    public Task<HttpResponseMessage> TakeCallAsync(HttpClient http, int worker, long i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/work-orders") { Content = JsonContent.Create(Call(worker, i)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Agent);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(HttpClient http, int worker, long i) => Read(http, $"/api/v1/work-orders/{OrderId}");

    public Task<HttpResponseMessage> SuggestAsync(HttpClient http, int worker, long i) => Read(http, $"/api/v1/work-orders/{OrderId}/suggestions");

    private Task<HttpResponseMessage> Read(HttpClient http, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Agent);
        return http.SendAsync(request);
    }
}

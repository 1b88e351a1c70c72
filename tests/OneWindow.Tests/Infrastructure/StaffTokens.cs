using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneWindow.Platform.Identity;

namespace OneWindow.Tests.Infrastructure;

/// <summary>
/// Many staff accounts at once (fifty counter officers), each with a bearer token issued the way sign-in
/// issues it. The accounts have no password: hashing fifty would only measure PBKDF2.
/// </summary>
public static class StaffTokens
{
    public static async Task<HttpClient> StaffClientAsync(this TestApp app, string userName, string department, string region, params string[] roles)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new AppUser { UserName = userName, DisplayName = userName, Kind = AccountKind.Staff, RegionCode = region, DepartmentCode = department, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRolesAsync(user, roles);
        }

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var (token, _) = AuthSetup.IssueBearerToken(principal, scope.ServiceProvider.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

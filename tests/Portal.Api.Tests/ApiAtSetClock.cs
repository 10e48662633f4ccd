using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Tests;

namespace Portal.Api.Tests;

/// <summary>
/// The API of its own at 10:00 on 12 June 2026 in Beijing, its database written into directly by the test: for the public
/// aggregates (report statistics, supervision summaries), whose months and "this month" depend on the date.
/// </summary>
public sealed class ApiAtSetClock : IDisposable
{
    private readonly PortalApiFactory _factory = new();
    private readonly WebApplicationFactory<Program> _api;

    public ApiAtSetClock()
    {
        _api = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<TimeProvider>(new SetClock(new DateTimeOffset(2026, 6, 12, 10, 0, 0, TimeSpan.FromHours(8))))));
        Client = _api.CreateClient();
    }

    public HttpClient Client { get; }

    public async Task SeedAsync(Func<PortalDb, Task> write)
    {
        using var scope = _api.Services.CreateScope();
        await write(scope.ServiceProvider.GetRequiredService<PortalDb>());
    }

    public void Dispose()
    {
        Client.Dispose();
        _api.Dispose();
        _factory.Dispose();
    }
}

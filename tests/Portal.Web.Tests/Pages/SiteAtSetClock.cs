using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Tests;
using Portal.Web.Tests.Pages.Payments;

namespace Portal.Web.Tests.Pages;

/// <summary>
/// A site of its own at 10:00 on 12 June 2026 in Beijing, its database written into directly by the test: for the public
/// aggregate pages (report statistics, supervision), whose months and "this month" depend on the date.
/// </summary>
public sealed class SiteAtSetClock : IDisposable
{
    private readonly PortalWebFactory _factory = new();
    private readonly WebApplicationFactoryClient _site;

    public SiteAtSetClock() =>
        _site = new WebApplicationFactoryClient(_factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<TimeProvider>(new SetClock(new DateTimeOffset(2026, 6, 12, 10, 0, 0, TimeSpan.FromHours(8)))))));

    public HttpClient Client => _site.Client;

    public async Task SeedAsync(Func<PortalDb, Task> write)
    {
        using var scope = _site.Services.CreateScope();
        await write(scope.ServiceProvider.GetRequiredService<PortalDb>());
    }

    public void Dispose()
    {
        _site.Dispose();
        _factory.Dispose();
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Portal.Api.Tests;

/// <summary>
/// Requests arrive from the reverse proxy on this machine, as in production, so the host takes the client's
/// address from X-Forwarded-For (the test server has no peer address of its own).
/// </summary>
public sealed class BehindProxy : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, rest) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
            return rest(context);
        });
        next(app);
    };
}

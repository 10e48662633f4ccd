using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests;

namespace Portal.Api.Tests.WeChat;

/// <summary>The API on a real loopback port with the Official Account configured, over one sampled county (杞县).</summary>
public abstract class WeChatOnKestrel : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Token = "portalToken2026";
    public const string AppId = "wxb11529c136998cb6";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string Site = "https://jw.example.gov.cn";

    public SampleData Data { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public HttpClient Client { get; private set; } = new();

    protected abstract string Mode { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
        .UseSampleData(Data).CaptureAllLogs(Logs).WithoutAddressLimits()
        .UseSetting("Portal:PublicBaseUrl", Site)
        .UseSetting("Portal:WeChat:Token", Token)
        .UseSetting("Portal:WeChat:AppId", AppId)
        .UseSetting("Portal:WeChat:EncodingAesKey", EncodingAesKey)
        .UseSetting("Portal:WeChat:EncodingMode", Mode);

    public Task InitializeAsync()
    {
        Data.AddCounty();
        UseKestrel(0);
        StartServer();
        Client = new HttpClient { BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        return Task.CompletedTask;
    }

    /// <summary>How many messages and events the callback has worked out (it logs the kind, never the content).</summary>
    public int Received => Logs.Text.Split('\n').Count(line => line.Contains("WeChat ", StringComparison.Ordinal) && line.Contains(" received", StringComparison.Ordinal));

    async Task IAsyncLifetime.DisposeAsync()
    {
        Client.Dispose();
        await DisposeAsync();
        Data.Dispose();
    }
}

public sealed class PlainWeChat : WeChatOnKestrel
{
    protected override string Mode => "plain";
}

public sealed class SafeWeChat : WeChatOnKestrel
{
    protected override string Mode => "safe";
}

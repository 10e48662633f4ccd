using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>
/// The site with an empty report database and a clock the tests can move. Staff accounts are made the way
/// the first administrator is (<c>by: null</c>), reports are filed through <see cref="ReportIntake"/>.
/// </summary>
public sealed class BackOfficeFactory : WebApplicationFactory<Program>
{
    public const string StaffPassword = "correct horse battery";
    public const string ReportPassword = "report-password";

    public SampleData Data { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public TestClock Clock { get; } = new();

    /// <summary>Every output-cache tag evicted, in order.</summary>
    public ConcurrentQueue<string> EvictedTags { get; } = new();

    /// <summary>Extra configuration for one test's own factory; read when the first client is made.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSampleData(Data).CaptureAllLogs(Logs).WithoutAddressLimits();
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(store);
            services.AddSingleton<IOutputCacheStore>(sp => new RecordingCacheStore(
                store.ImplementationFactory is { } make ? (IOutputCacheStore)make(sp) : (IOutputCacheStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!),
                EvictedTags));
        });
    }

    /// <summary>A new account with a unique user name and <see cref="StaffPassword"/>, by default of 杞县纪委监委, where <see cref="FileAsync"/>'s reports go.</summary>
    public async Task<StaffAccount> StaffAsync(string displayName, StaffRoles roles, string office = "410221")
    {
        using var scope = Services.CreateScope();
        var userName = $"{roles.ToString().Split(',')[0].ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var (account, problem) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(userName, displayName, StaffPassword, roles, by: null, office: office);
        Assert.Null(problem);
        return account!;
    }

    /// <summary>A browser without automatic redirects, so every redirect is seen by the test.</summary>
    public StaffBrowser Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public async Task<StaffBrowser> SignInAsync(StaffAccount account)
    {
        var browser = Browser();
        var response = await browser.PostAsync("/admin/login", null, new() { ["userName"] = account.UserName, ["password"] = StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Files an anonymous report about 王某 of 某某镇人民政府 in 杞县, changed as the test needs.</summary>
    public async Task<FiledReport> FileAsync(Action<ReportSubmission>? change = null, params IncomingFile[] files)
    {
        var form = new ReportSubmission
        {
            Anonymous = true,
            ReportedPerson = new() { Name = "王某", Unit = "某某镇人民政府", Position = "副镇长", Level = "乡科级及以下", Region = "410221" },
            Category = "违反廉洁纪律",
            Title = "冒领低保金",
            Content = "2026 年 3 月起，王某把本村三户人家的低保金转到自己亲属的账户上，村里很多人都知道。",
            Password = ReportPassword,
        };
        change?.Invoke(form);
        using var scope = Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>().SubmitAsync(form, files);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var receipt = result.Receipt!;
        var id = await scope.ServiceProvider.GetRequiredService<PortalDb>().Reports.Where(r => r.ReceiptNumber == receipt.ReceiptNumber).Select(r => r.Id).SingleAsync();
        return new FiledReport(id, receipt.ReceiptNumber, receipt.QueryCode);
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Data.Dispose();
    }
}

/// <summary>The site's own output cache, noting each tag it is told to evict.</summary>
public sealed class RecordingCacheStore(IOutputCacheStore inner, ConcurrentQueue<string> evicted) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        evicted.Enqueue(tag);
        return inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        inner.SetAsync(key, value, tags, validFor, cancellationToken);
}

/// <summary>A report as staff address it (<see cref="Id"/>) and as its reporter does (<see cref="QueryCode"/> and <see cref="BackOfficeFactory.ReportPassword"/>).</summary>
public sealed record FiledReport(Guid Id, string ReceiptNumber, string QueryCode)
{
    public string Page => $"/admin/reports/{Id}";
}

[CollectionDefinition(Name)]
public sealed class BackOfficeCollection : ICollectionFixture<BackOfficeFactory>
{
    public const string Name = "back office";
}

/// <summary>The real time, moved forward or set by a test: deadlines, lockouts and cookie lifetimes all read it.</summary>
public sealed class TestClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    /// <summary>Noon of a day in Beijing.</summary>
    public void SetChinaDate(DateOnly date) =>
        Interlocked.Exchange(ref _shiftTicks, (new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset) - System.GetUtcNow()).Ticks);
}

/// <summary>One staff member's browser: it keeps the cookies and fills in the antiforgery field as the page gave it.</summary>
public sealed partial class StaffBrowser(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) => Html.Get(Client, url, expected);

    /// <summary>Opens the page, then submits one of its forms (by handler, or its only form when null) with the given fields.</summary>
    public Task<HttpResponseMessage> PostAsync(string page, string? handler, Dictionary<string, string> fields) =>
        PostAsync(page, handler, fields.AsEnumerable());

    /// <summary>The same, for fields that repeat (checkboxes).</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string? handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await PageAsync(page);
        var form = fields.Append(KeyValuePair.Create("af", Html.AntiforgeryToken(html)));
        var url = handler is null ? page : page + (page.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Submits a form and follows the redirect that a successful post answers with (Post-Redirect-Get).</summary>
    public Task<string> PostAndFollowAsync(string page, string? handler, Dictionary<string, string> fields) =>
        PostAndFollowAsync(page, handler, fields.AsEnumerable());

    public async Task<string> PostAndFollowAsync(string page, string? handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await PostAsync(page, handler, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {page} {handler}: expected a redirect, got {response.StatusCode}\n{Alert(body)}");
        return await PageAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The message shown at the top of a page (a refusal), or null.</summary>
    public static string? Alert(string html) => AlertPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("class=\"error\" role=\"alert\">(.*?)</", RegexOptions.Singleline)]
    private static partial Regex AlertPattern();
}

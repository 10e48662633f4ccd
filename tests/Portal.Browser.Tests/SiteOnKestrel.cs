using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Portal.Core.Staff;
using Portal.Tests;

namespace Portal.Browser.Tests;

/// <summary>The real site on a loopback port over sample data, and a phone-sized Chromium to visit it.</summary>
public sealed class SiteOnKestrel : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SampleData Data { get; } = new();
    public string BaseAddress { get; private set; } = "";

    /// <summary>The site's clock: the real time until a test moves it, so a deadline can pass within a journey.</summary>
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSampleData(Data).WithoutAddressLimits();
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task InitializeAsync()
    {
        Data.AddCounty();
        UseKestrel(0);
        StartServer();
        BaseAddress = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh phone: 360×740, touch, the user agent of WeChat's in-app browser on Android.</summary>
    public async Task<IPage> NewPhonePage()
    {
        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
            BaseURL = BaseAddress,
            UserAgent = "Mozilla/5.0 (Linux; Android 10; M2006C3LC Build/QP1A.190711.020; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/3G Language/zh_CN",
        });
        return await context.NewPageAsync();
    }

    /// <summary>A staff member's desktop browser.</summary>
    public async Task<IPage> NewDesktopPage()
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", BaseURL = BaseAddress });
        return await context.NewPageAsync();
    }

    public const string StaffPassword = "一句好记的口令2026";

    /// <summary>A staff account made the way the first administrator is, with <see cref="StaffPassword"/>; of 杞县纪委监委, where the journeys' reports go, unless told.</summary>
    public async Task CreateStaffAsync(string user, string name, StaffRoles roles, string office = "410221")
    {
        using var scope = Services.CreateScope();
        var (account, problem) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(user, name, StaffPassword, roles, by: null, office: office);
        Assert.True(account is not null, problem);
    }

    /// <summary>A staff member signed in at /admin on a desktop browser, or on a phone.</summary>
    public async Task<IPage> SignInAsync(string user, bool onPhone = false)
    {
        var page = onPhone ? await NewPhonePage() : await NewDesktopPage();
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        Data.Dispose();
    }
}

/// <summary>The real time, set forward to a day in Beijing by a test.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    /// <summary>Noon of a day in Beijing.</summary>
    public void SetChinaDate(DateOnly date) =>
        Interlocked.Exchange(ref _shiftTicks, (new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)) - System.GetUtcNow()).Ticks);

    /// <summary>
    /// Noon of the next day in Beijing: always forward, and twelve hours from a midnight, so a journey that counts the
    /// working days left is not cut by a change of date between its steps.
    /// </summary>
    public void SetNextChinaNoon() => SetChinaDate(DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1));
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Tests;

/// <summary>The test set-up every host factory shares, so the site and the API are tested under the same settings.</summary>
public static class SampleHost
{
    /// <summary>Points the host at the sample data folder and its content, with the test key and a fast index refresh.</summary>
    public static IWebHostBuilder UseSampleData(this IWebHostBuilder builder, SampleData data)
    {
        foreach (var (key, value) in ReportSecrets.Settings) builder.UseSetting(key, value);
        return builder.UseSampleSettings(data);
    }

    private static IWebHostBuilder UseSampleSettings(this IWebHostBuilder builder, SampleData data) => builder
        .UseSetting("Portal:DataDirectory", data.DataDirectory)
        .UseSetting("Portal:ContentDirectory", Path.Combine(AppContext.BaseDirectory, "content"))
        .UseSetting("Portal:Lookup:HmacKey", SampleData.HmacKey)
        .UseSetting("Portal:Payments:RefreshInterval", "00:00:00.200")
        .UseSetting("Portal:Exhibition:RefreshInterval", "00:00:00.200");

    /// <summary>Everything the framework would log, so privacy tests see the most a misconfigured server could write.</summary>
    public static IWebHostBuilder CaptureAllLogs(this IWebHostBuilder builder, CapturedLogs logs) => builder
        .UseSetting("Logging:LogLevel:Default", "Trace")
        .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
        .ConfigureLogging(logging => logging.AddProvider(logs));

    /// <summary>Tests share one client address; the per-address limits are tested on hosts of their own with low settings.</summary>
    public static IWebHostBuilder WithoutAddressLimits(this IWebHostBuilder builder) => builder
        .UseSetting("Portal:RateLimits:LookupPermitLimit", "10000")
        .UseSetting("Portal:RateLimits:SearchPermitLimit", "10000")
        .UseSetting("Portal:RateLimits:ReportPermitLimit", "10000")
        .UseSetting("Portal:RateLimits:ReportLookupPermitLimit", "10000")
        .UseSetting("Portal:RateLimits:StaffSignInPermitLimit", "10000");
}

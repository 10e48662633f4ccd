using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Portal.Hosting;

namespace Portal.Deploy.Tests;

/// <summary>A test that needs the nginx binary: skipped, loudly, where it is not installed, except under CI=true, where it fails.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (!File.Exists(Nginx.Binary) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"NGINX TESTS NOT RUN: {Nginx.Binary} is not installed. Install it (apt-get install nginx-light) to check deploy/nginx/portal.conf.";
    }
}

/// <summary>nginx started on deploy/nginx/portal.conf through deploy/nginx/local.sh, with no hosts behind it unless one is given.</summary>
public sealed class Nginx : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-nginx-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;

    /// <param name="webPort">Where the site's two instances listen; by default a port nothing listens on.</param>
    public Nginx(int webPort = 1)
    {
        HttpsPort = FreePortPair();
        var made = Script.Run(Path.Combine(Repository.Deploy, "nginx", "local.sh"), [_folder, HttpsPort.ToString(), $"{webPort},{webPort}", "3,4"]);
        Assert.True(made.ExitCode == 0, made.Output);
    }

    public int HttpsPort { get; }

    /// <summary>
    /// A port that nothing listens on, with its next one (nginx's port 80): below the kernel's ephemeral range
    /// (32768–60999 on Debian), where an outgoing connection's source port could hold it while nginx binds.
    /// </summary>
    private static int FreePortPair()
    {
        while (true)
        {
            var port = 20000 + Random.Shared.Next(12000);
            if (IsFree(port) && IsFree(port + 1)) return port;
        }
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    public string Config => Path.Combine(_folder, "nginx.conf");

    public (int ExitCode, string Output) Test()
    {
        using var test = Process.Start(new ProcessStartInfo(Binary, ["-t", "-c", Config]) { RedirectStandardError = true })!;
        var output = test.StandardError.ReadToEnd();
        test.WaitForExit();
        return (test.ExitCode, output);
    }

    public HttpClient Start()
    {
        _process = Process.Start(new ProcessStartInfo(Binary, ["-c", Config, "-g", "daemon off;"]) { RedirectStandardError = true })!;
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            BaseAddress = new Uri($"https://127.0.0.1:{HttpsPort}"),
        };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                client.GetAsync("/metrics").GetAwaiter().GetResult();
                return client;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                // An nginx that could not start (its port taken meanwhile) says why, instead of a bare "connection refused".
                if (_process.HasExited) throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()}");
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Stops nginx, which writes out its buffered access log, and reads that log.</summary>
    public string StopAndReadAccessLog()
    {
        Stop();
        return File.ReadAllText(Path.Combine(_folder, "access.log"));
    }

    private void Stop()
    {
        if (_process is not { HasExited: false }) return;
        // nginx -s stop, not a kill: a killed master leaves its workers running.
        using (var stop = Process.Start(Binary, ["-c", Config, "-s", "stop"])) stop.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) _process.Kill(true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

public partial class NginxTests
{
    private static readonly string Conf = File.ReadAllText(Path.Combine(Repository.Deploy, "nginx", "portal.conf"));

    [NginxFact]
    public void Nginx_accepts_the_configuration()
    {
        using var nginx = new Nginx();
        var (exitCode, output) = nginx.Test();
        Assert.True(exitCode == 0, output);
    }

    [NginxFact]
    public async Task The_twelfth_lookup_in_a_minute_from_one_address_is_refused_in_front_of_every_host()
    {
        using var nginx = new Nginx();
        using var client = nginx.Start();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            answers.Add((await client.PostAsync("/api/v1/payments/lookup", new StringContent("{}"))).StatusCode);

        // No host runs behind this nginx: an admitted request gets 502, a refused one 429.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadGateway, a));
        var refused = await client.PostAsync("/api/v1/payments/lookup", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.BadGateway, (await client.GetAsync("/api/v1/payments/lookup")).StatusCode);
    }

    [NginxFact]
    public async Task Every_answer_nginx_gives_itself_keeps_HSTS_and_its_refusals_say_when_to_try_again()
    {
        using var nginx = new Nginx();
        using var client = nginx.Start();
        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("page refused", await RefusedAsync(client, "/payments/lookup")),
            ("API refused", await RefusedAsync(client, "/api/v1/payments/lookup")),
            ("sign-in refused", await RefusedAsync(client, "/admin/login")),
            ("metrics", await client.GetAsync("/metrics")),
            ("no host behind", await client.GetAsync("/")),
            ("no host behind the back office", await client.GetAsync("/admin")),
        };

        foreach (var (what, response) in answers)
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts) && hsts.Single() == "max-age=31536000", $"{what} ({(int)response.StatusCode}): no HSTS");
        foreach (var (what, response) in answers.Take(3))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(response.Headers.TryGetValues("Retry-After", out var retry) && retry.Single() == "60", what);
        }
        Assert.Equal(HttpStatusCode.NotFound, answers[3].Response.StatusCode);
        Assert.All(answers.Skip(4), a => Assert.Equal(HttpStatusCode.BadGateway, a.Response.StatusCode));
    }

    [NginxFact]
    public async Task A_hosts_own_refusal_passes_through_with_its_own_wait_and_gets_HSTS()
    {
        using var host = new HttpListener();
        var port = FreePort();
        host.Prefixes.Add($"http://127.0.0.1:{port}/");
        host.Start();
        using var nginx = new Nginx(webPort: port);
        using var client = nginx.Start();
        var answering = Task.Run(async () =>
        {
            var context = await host.GetContextAsync();
            context.Response.StatusCode = 429;
            context.Response.Headers["Retry-After"] = "600";
            context.Response.Close();
        });

        var refused = await client.GetAsync("/reports");
        await answering.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("600", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("max-age=31536000", Assert.Single(refused.Headers.GetValues("Strict-Transport-Security")));
    }

    [NginxFact]
    public async Task The_access_log_keeps_no_query_string_and_on_report_paths_no_client_address()
    {
        using var nginx = new Nginx();
        using var client = nginx.Start();
        const string name = "张三明";

        await client.GetAsync("/payments/410221101201?q=" + Uri.EscapeDataString(name));
        await client.PostAsync("/reports/new", new StringContent("title=x"));
        await client.GetAsync("/api/v1/reports/progress?code=7KQ4M2XZ");
        var lines = nginx.StopAndReadAccessLog().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var search = Assert.Single(lines, l => l.Contains("/payments/410221101201"));
        Assert.StartsWith("127.0.0.1 ", search);
        Assert.Contains("\"GET /payments/410221101201 HTTP/", search);
        var reporting = lines.Where(l => l.Contains("/reports")).ToList();
        Assert.Equal(2, reporting.Count);
        Assert.All(reporting, l => Assert.StartsWith("- ", l));
        Assert.All(lines, l => Assert.DoesNotContain("?", l));
        Assert.All(lines, l => Assert.DoesNotContain(Uri.EscapeDataString(name), l));
        Assert.All(lines, l => Assert.DoesNotContain("7KQ4M2XZ", l));
    }

    [NginxFact]
    public async Task Metrics_and_probes_are_not_served_to_the_outside()
    {
        using var nginx = new Nginx();
        using var client = nginx.Start();
        foreach (var path in new[] { "/metrics", "/healthz", "/readyz" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void The_shared_limits_are_the_hosts_own_limits()
    {
        var hosts = new RateLimitOptions();
        AssertZone("lookup", hosts.LookupPermitLimit, hosts.Window);
        AssertZone("search", hosts.SearchPermitLimit, hosts.Window);
        AssertZone("report_submit", hosts.ReportPermitLimit, hosts.ReportWindow);
        AssertZone("report_lookup", hosts.ReportLookupPermitLimit, hosts.ReportWindow);
        AssertZone("staff_sign_in", hosts.StaffSignInPermitLimit, hosts.StaffSignInWindow);
    }

    [Fact]
    public void The_client_address_is_set_for_the_hosts_not_appended_to_what_the_client_sent()
    {
        Assert.Matches(@"proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;", Conf);
        Assert.DoesNotContain("$proxy_add_x_forwarded_for", Conf);
        Assert.Matches(@"proxy_set_header\s+X-Forwarded-Proto\s+\$scheme;", Conf);
    }

    /// <summary>Posts until nginx refuses: each shared allowance is a burst of at most 10, then one or two more a minute.</summary>
    private static async Task<HttpResponseMessage> RefusedAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 20; i++)
        {
            var response = await client.PostAsync(path, new StringContent("{}"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return response;
        }
        throw new Xunit.Sdk.XunitException($"nginx never refused {path}");
    }

    /// <summary>A port the system just gave out and took back, for a listener that cannot ask for port 0 itself.</summary>
    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static void AssertZone(string zone, int permits, TimeSpan window)
    {
        var rate = Zone().Matches(Conf).Single(m => m.Groups["zone"].Value == zone);
        Assert.Equal((int)Math.Ceiling(permits / window.TotalMinutes), int.Parse(rate.Groups["rate"].Value));
        var bursts = Burst().Matches(Conf).Where(m => m.Groups["zone"].Value == zone).ToList();
        Assert.NotEmpty(bursts);
        Assert.All(bursts, b => Assert.Equal(permits, int.Parse(b.Groups["burst"].Value)));
    }

    [GeneratedRegex(@"limit_req_zone\s+\S+\s+zone=(?<zone>\w+):\S+\s+rate=(?<rate>\d+)r/m;")]
    private static partial Regex Zone();

    [GeneratedRegex(@"limit_req\s+zone=(?<zone>\w+)\s+burst=(?<burst>\d+)")]
    private static partial Regex Burst();
}

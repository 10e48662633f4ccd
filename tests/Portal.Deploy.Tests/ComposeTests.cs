namespace Portal.Deploy.Tests;

public class ComposeTests
{
    private static readonly string ComposeFile = Path.Combine(Repository.Deploy, "compose.yaml");
    private static readonly Dictionary<object, object?> Services = Yaml.Documents(ComposeFile).Single().Map("services");

    private static IEnumerable<(string Name, object? Service)> BuiltFromThisRepository =>
        Services.Entries().Where(s => s.Value.Find("build") is not null);

    [Fact]
    public void Every_yaml_file_in_deploy_parses()
    {
        var files = Directory.EnumerateFiles(Repository.Deploy, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("compose.yaml", StringComparison.Ordinal));
        Assert.All(files, f => Assert.NotEmpty(Yaml.Documents(f)));
    }

    [Fact]
    public void The_system_runs_two_web_and_two_api_hosts_behind_nginx_and_an_inbox_worker()
    {
        Assert.Equal(2, BuiltFromThisRepository.Count(s => s.Service.Map("build").Text("target") == "web"));
        Assert.Equal(2, BuiltFromThisRepository.Count(s => s.Service.Map("build").Text("target") == "api"));
        Assert.Equal(["watch", "--inbox", "/inbox", "--heartbeat", "/tmp/watch.alive"], Services.Find("indexer").List("command").Select(a => a?.ToString()));
        Assert.Equal(["web1", "web2", "api1", "api2"], Services.Find("nginx").Map("depends_on").Keys.Select(k => k.ToString()));
        foreach (var backing in new[] { "elasticsearch", "postgres", "redis", "azurite" }) Assert.Contains(backing, Services.Keys);
    }

    [Fact]
    public void Builds_name_a_context_a_dockerfile_and_a_stage_that_exist()
    {
        Assert.NotEmpty(BuiltFromThisRepository);
        foreach (var (name, service) in BuiltFromThisRepository)
        {
            var build = service.Map("build");
            var context = Path.GetFullPath(Path.Combine(Repository.Deploy, build.Text("context")!));
            Assert.True(File.Exists(Path.Combine(context, "Portal.sln")), $"{name}: the build context is the repository root");
            var dockerfile = Path.Combine(context, build.Text("dockerfile")!);
            Assert.True(File.Exists(dockerfile), $"{name}: {dockerfile}");
            Assert.Contains(build.Text("target")!, DockerfileStages.Of(dockerfile));
        }
    }

    [Fact]
    public void Images_from_elsewhere_are_pinned_to_a_version()
    {
        foreach (var (name, service) in Services.Entries().Where(s => s.Value.Find("build") is null))
        {
            var image = service.Text("image");
            Assert.False(image is null || !image.Contains(':') || image.EndsWith(":latest", StringComparison.Ordinal), $"{name}: '{image}' is not pinned");
        }
    }

    [Fact]
    public void Web_and_api_start_only_after_the_database_is_migrated_by_command()
    {
        Assert.Equal(["db", "migrate"], Services.Find("migrate").List("command").Select(a => a?.ToString()));
        foreach (var (name, service) in BuiltFromThisRepository.Where(s => s.Name is not ("migrate")))
            Assert.True(service.Map("depends_on").Find("migrate").Text("condition") == "service_completed_successfully", $"{name} waits for migrate");
    }

    [Fact]
    public void Files_the_services_read_are_in_the_repository_or_made_by_a_documented_script()
    {
        var makers = new Dictionary<string, string>
        {
            ["secrets/"] = "make-secrets.sh",
            ["./nginx/certs"] = "nginx/make-cert.sh",
            ["./inbox"] = "README.md",
            ["./backups"] = "README.md",
        };
        var readme = File.ReadAllText(Path.Combine(Repository.Deploy, "README.md"));
        var paths = Services.Entries().SelectMany(s =>
            (s.Value.Find("env_file") as List<object?> ?? []).Select(f => f!.ToString()!)
            .Concat((s.Value.Find("volumes") as List<object?> ?? []).Select(v => v!.ToString()!.Split(':')[0]).Where(v => v.StartsWith('.'))));
        foreach (var path in paths.Distinct())
        {
            var maker = makers.FirstOrDefault(m => path.StartsWith(m.Key, StringComparison.Ordinal)).Value;
            if (maker is null) Assert.True(File.Exists(Path.Combine(Repository.Deploy, path)) || Directory.Exists(Path.Combine(Repository.Deploy, path)), $"{path} is missing");
            else
            {
                var made = File.ReadAllText(Path.Combine(Repository.Deploy, maker));
                var told = maker == "README.md" || readme.Contains(Path.GetFileName(maker), StringComparison.Ordinal);
                Assert.True(told && made.Contains(Path.GetFileName(path), StringComparison.Ordinal), $"{path}: made by {maker}, which deploy/README.md tells the operator to run");
            }
        }
    }

    [Fact]
    public void Every_setting_given_to_the_portal_containers_is_one_the_code_binds()
    {
        var keys = EnvFile.Keys(Path.Combine(Repository.Deploy, "portal.env"))
            .Concat(BuiltFromThisRepository.SelectMany(s => s.Service.Find("environment").Entries().Select(e => e.Key)))
            .ToList();
        Assert.Contains("Portal__Database__Provider", keys);
        Assert.All(keys, key => Assert.True(BoundSettings.IsBound(key), $"{key} is read by no options class"));
    }

    [Fact]
    public void The_secrets_script_makes_the_keys_once_and_only_settings_the_code_binds()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-secrets-" + Guid.NewGuid().ToString("N"));
        try
        {
            var made = Script.Run(Path.Combine(Repository.Deploy, "make-secrets.sh"), [folder], ("PORTAL_INDEXER", "dotnet " + Path.Combine(AppContext.BaseDirectory, "portal-indexer.dll")));
            Assert.True(made.ExitCode == 0, made.Output);
            var keys = EnvFile.Keys(Path.Combine(folder, "portal.env"));
            Assert.Contains("Portal__Reports__Secrets__SigningKey", keys);
            Assert.Contains("Portal__Lookup__HmacKey", keys);
            Assert.All(keys, key => Assert.True(BoundSettings.IsBound(key), $"{key} is read by no options class"));
            Assert.Equal(["POSTGRES_PASSWORD"], EnvFile.Keys(Path.Combine(folder, "postgres.env")));
            Assert.Contains("Portal__DataProtection__Certificate", keys);
            var certificate = File.ReadAllLines(Path.Combine(folder, "portal.env")).Single(l => l.StartsWith("Portal__DataProtection__Certificate=", StringComparison.Ordinal));
            using var loaded = new Portal.Core.Database.DataProtectionKeyOptions { Certificate = certificate[(certificate.IndexOf('=') + 1)..] }.Current();
            Assert.True(loaded!.HasPrivateKey);

            var again = Script.Run(Path.Combine(Repository.Deploy, "make-secrets.sh"), [folder]);
            Assert.NotEqual(0, again.ExitCode);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void The_check_of_settings_refuses_a_misspelt_key()
    {
        Assert.True(BoundSettings.IsBound("Portal__Reports__Secrets__EncryptionKeys__k1"));
        Assert.True(BoundSettings.IsBound("Portal__RateLimits__LookupPermitLimit"));
        Assert.False(BoundSettings.IsBound("Portal__Database__ConnectonString"));
        Assert.False(BoundSettings.IsBound("Portal__Lookup"));
    }
}

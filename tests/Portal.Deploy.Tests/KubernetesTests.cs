namespace Portal.Deploy.Tests;

public class KubernetesTests
{
    private static readonly List<Dictionary<object, object?>> Manifests =
        Directory.EnumerateFiles(Path.Combine(Repository.Deploy, "k8s"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(Yaml.Documents).ToList();

    private static IEnumerable<Dictionary<object, object?>> OfKind(string kind) => Manifests.Where(m => m.Text("kind") == kind);

    private static string Name(object? manifest) => manifest.Map("metadata").Text("name")!;

    private static IEnumerable<(string Owner, object? Container)> Containers(string kind) =>
        OfKind(kind).SelectMany(m => m.Map("spec").Map("template").Map("spec").List("containers").Select(c => (Name(m), c)));

    [Fact]
    public void The_web_api_and_indexer_run_as_deployments_and_the_migration_as_a_job()
    {
        Assert.Equal(["portal-api", "portal-indexer", "portal-web"], OfKind("Deployment").Select(Name).Order());
        Assert.Equal(["db", "migrate"], Containers("Job").Single().Container.List("args").Select(a => a?.ToString()));
        Assert.Equal(["portal-api", "portal-web"], OfKind("Service").Select(Name).Order());
        Assert.NotEmpty(OfKind("Ingress"));
    }

    [Fact]
    public void Every_deployment_has_liveness_and_readiness_probes_and_resource_requests_and_limits()
    {
        foreach (var (owner, container) in Containers("Deployment"))
        {
            Assert.True(container.Find("livenessProbe") is not null, $"{owner}: liveness probe");
            Assert.True(container.Find("readinessProbe") is not null, $"{owner}: readiness probe");
            var resources = container.Map("resources");
            foreach (var part in new[] { "requests", "limits" })
                Assert.True(resources.Map(part).Find("cpu") is not null && resources.Map(part).Find("memory") is not null, $"{owner}: {part} of cpu and memory");
        }
    }

    [Fact]
    public void The_hosts_are_probed_on_healthz_for_liveness_and_readyz_for_readiness()
    {
        foreach (var (owner, container) in Containers("Deployment").Where(c => c.Owner != "portal-indexer"))
        {
            Assert.Equal("/healthz", container.Map("livenessProbe").Map("httpGet").Text("path"));
            Assert.Equal("/readyz", container.Map("readinessProbe").Map("httpGet").Text("path"));
        }
    }

    [Fact]
    public void The_ingress_that_takes_reports_and_lookups_keeps_no_access_log()
    {
        var posted = new[] { "/reports/new", "/reports/progress", "/api/v1/reports", "/payments/lookup", "/api/v1/payments/lookup" };
        var carrying = OfKind("Ingress")
            .Where(i => i.Map("spec").List("rules").SelectMany(r => r.Map("http").List("paths")).Any(p => posted.Contains(p.Text("path"))))
            .ToList();

        Assert.NotEmpty(carrying);
        Assert.All(carrying, i => Assert.Equal("false", i.Map("metadata").Map("annotations").Text("nginx.ingress.kubernetes.io/enable-access-log")));
    }

    [Fact]
    public void The_staff_sign_in_is_limited_in_front_of_the_pods_and_open_to_the_office_networks_only()
    {
        static IEnumerable<string?> Paths(Dictionary<object, object?> ingress) => ingress.Map("spec").List("rules").SelectMany(r => r.Map("http").List("paths")).Select(p => p.Text("path"));
        var office = OfKind("Ingress").Single(i => Paths(i).Contains("/admin")).Map("metadata").Map("annotations");
        var signIn = OfKind("Ingress").Single(i => Paths(i).Contains("/admin/login")).Map("metadata").Map("annotations");

        Assert.True(int.Parse(signIn.Text("nginx.ingress.kubernetes.io/limit-rpm") ?? "0") > 0, "no per-address limit on /admin/login");
        Assert.NotNull(office.Text("nginx.ingress.kubernetes.io/whitelist-source-range"));
        Assert.Equal(office.Text("nginx.ingress.kubernetes.io/whitelist-source-range"), signIn.Text("nginx.ingress.kubernetes.io/whitelist-source-range"));
    }

    [Fact]
    public void Web_and_api_scale_horizontally_from_two()
    {
        var deployments = OfKind("Deployment").Select(Name).ToHashSet();
        var scaled = OfKind("HorizontalPodAutoscaler").Select(h => h.Map("spec")).ToList();
        Assert.Equal(["portal-api", "portal-web"], scaled.Select(s => s.Map("scaleTargetRef").Text("name")).Order());
        Assert.All(scaled, s => Assert.Contains(s.Map("scaleTargetRef").Text("name")!, deployments));
        Assert.All(scaled, s => Assert.True(int.Parse(s.Text("minReplicas")!) >= 2));
    }

    [Fact]
    public void Secrets_are_referenced_never_written_here_and_the_config_map_holds_only_bound_settings()
    {
        Assert.Empty(OfKind("Secret"));
        foreach (var (owner, container) in Containers("Deployment").Concat(Containers("Job")))
        {
            var sources = container.List("envFrom");
            Assert.Contains(sources, s => s.Find("secretRef").Text("name") == "portal-secrets");
            Assert.Contains(sources, s => s.Find("configMapRef").Text("name") == "portal-config");
            Assert.True(container.Find("env") is null, $"{owner}: settings belong in the ConfigMap or the Secret");
        }
        var config = OfKind("ConfigMap").Single(m => Name(m) == "portal-config").Map("data");
        Assert.All(config.Keys.Select(k => k.ToString()!), key => Assert.True(BoundSettings.IsBound(key), $"{key} is read by no options class"));
    }

    [Fact]
    public void The_kustomization_lists_every_manifest_but_the_job_that_runs_before_it()
    {
        var folder = Path.Combine(Repository.Deploy, "k8s");
        var listed = Yaml.Documents(Path.Combine(folder, "kustomization.yaml")).Single().List("resources").Select(r => r!.ToString()!).ToList();
        Assert.All(listed, r => Assert.True(File.Exists(Path.Combine(folder, r)), r));
        var manifests = Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileName).Where(f => f is not ("kustomization.yaml" or "migrate-job.yaml"));
        Assert.Equal(manifests.Order(), listed.Order());
    }
}

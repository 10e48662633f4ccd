using System.Diagnostics;

namespace Portal.Deploy.Tests;

public class DockerTests
{
    private static readonly string Dockerfile = Path.Combine(Repository.Deploy, "docker", "Dockerfile");

    /// <summary>The lines of one stage of the Dockerfile, from its FROM to the next.</summary>
    private static List<string> Stage(string name) =>
        File.ReadLines(Dockerfile).SkipWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal) || !l.EndsWith(" AS " + name, StringComparison.Ordinal))
            .Skip(1).TakeWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void The_build_stage_publishes_the_three_hosts_with_their_content_and_the_indexer_runs()
    {
        var output = Path.Combine(Path.GetTempPath(), "portal-docker-build-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var build = Script.Run(Path.Combine(Repository.Deploy, "docker", "build-steps.sh"), [output]);
            Assert.True(build.ExitCode == 0, build.Output);
            foreach (var (stage, folder) in new[] { ("web", "web"), ("api", "api"), ("indexer", "indexer") })
            {
                var entry = Stage(stage).Single(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
                var assembly = stage == "indexer" ? "portal-indexer.dll" : entry.Split('"')[3];
                Assert.True(File.Exists(Path.Combine(output, folder, assembly)), $"{stage}: {assembly} published");
                Assert.True(File.Exists(Path.Combine(output, folder, "content", "funds.yaml")), $"{stage}: content/ published");
            }
            Assert.True(File.Exists(Path.Combine(output, "indexer", "portal-indexer")), "the indexer's own launcher, the image's entry point");

            using var help = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(output, "indexer", "portal-indexer.dll"), "watch", "--help"]) { RedirectStandardOutput = true })!;
            var text = help.StandardOutput.ReadToEnd();
            help.WaitForExit();
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("--inbox", text);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Every_image_runs_as_the_unprivileged_user_and_the_hosts_report_their_health()
    {
        Assert.Equal(["build", "host", "web", "api", "indexer"], DockerfileStages.Of(Dockerfile));
        Assert.Contains("USER $APP_UID", Stage("host"));
        Assert.Contains(Stage("host"), l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.EndsWith("CMD [\"healthz\", \"8080\"]", StringComparison.Ordinal));
        foreach (var stage in new[] { "web", "api", "indexer" })
        {
            Assert.Contains($"FROM host AS {stage}", File.ReadLines(Dockerfile));
            Assert.DoesNotContain(Stage(stage), l => l.StartsWith("USER", StringComparison.Ordinal));
        }
        Assert.Contains(Stage("indexer"), l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal) && l.Contains("/tmp/watch.alive", StringComparison.Ordinal));
        Assert.Contains(File.ReadLines(Dockerfile), l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", StringComparison.Ordinal));
        Assert.Contains(File.ReadLines(Dockerfile), l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS host", StringComparison.Ordinal));
    }
}

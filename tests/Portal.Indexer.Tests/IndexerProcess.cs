using System.Diagnostics;
using System.Text.Json;
using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>Runs the real portal-indexer command line, as an operator or a cron job would, against a test data folder.</summary>
internal static class IndexerProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public JsonElement Json => JsonDocument.Parse(Output).RootElement;
    }

    public static Result Run(SampleData data, params string[] args) => Run(data, args, withKey: true);

    public static Result Run(SampleData data, string[] args, bool withKey, string? input = null)
    {
        using var process = Process.Start(StartInfo(data, args, withKey))!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(true);
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The command line with the test's data folder, content and keys in its environment.</summary>
    public static ProcessStartInfo StartInfo(SampleData data, string[] args, bool withKey = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = data.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "portal-indexer.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Portal__DataDirectory"] = data.DataDirectory;
        start.Environment["Portal__ContentDirectory"] = Path.Combine(AppContext.BaseDirectory, "content");
        foreach (var (key, value) in ReportSecrets.Settings) start.Environment[key.Replace(":", "__")] = value;
        if (withKey) start.Environment["Portal__Lookup__HmacKey"] = SampleData.HmacKey;
        else start.Environment.Remove("Portal__Lookup__HmacKey");
        return start;
    }
}

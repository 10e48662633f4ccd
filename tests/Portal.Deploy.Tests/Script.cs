using System.Diagnostics;

namespace Portal.Deploy.Tests;

/// <summary>Runs one of deploy/'s scripts as an operator would, from the repository root.</summary>
internal static class Script
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string script, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(script) { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15))) process.Kill(true);
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result + error.Result);
    }
}

using System.Diagnostics;

namespace Portal.Tests;

/// <summary>
/// Waits for what another thread, instance or process brings about, looking every tenth of a second. The deadline is
/// generous for a busy shared machine: it bounds a failing run, it measures nothing.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Whether the condition came to hold before the deadline.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return true;
            if (waited.Elapsed > Deadline) return false;
            await Task.Delay(100);
        }
    }
}

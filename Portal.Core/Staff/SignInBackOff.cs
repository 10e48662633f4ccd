namespace Portal.Core.Staff;

/// <summary>
/// How long an account waits after wrong passwords in a row: not at all for the first five, then one minute, doubling
/// with each further one up to fifteen. A wait never becomes a lock, and tries during it are not counted, so a stranger
/// cannot keep a colleague out for longer than the cap; the hosts' per-address limit slows the stranger down besides.
/// </summary>
public static class SignInBackOff
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>The wait after this many wrong passwords in a row.</summary>
    public static TimeSpan After(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(failures - FreeFailures, 10)));
}

namespace Portal.Core.Operations;

/// <summary>The Redis several instances share: their output cache, and news of a publication (<c>Portal:OutputCache:Redis</c>).</summary>
public static class SharedRedis
{
    public const string Setting = "Portal:OutputCache:Redis";
}

namespace Portal.Core.Operations;

/// <summary>
/// The pages and answers a host has cached, by tag. A sync or a publication evicts the tags of what it changed; the
/// hosts put their output cache behind this, so the rule of what to evict stays here, without HTTP.
/// </summary>
public interface ICachedPages
{
    ValueTask EvictAsync(string tag, CancellationToken cancellationToken);
}

/// <summary>Where nothing is cached (the command line): nothing to evict.</summary>
public sealed class NoCachedPages : ICachedPages
{
    public ValueTask EvictAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

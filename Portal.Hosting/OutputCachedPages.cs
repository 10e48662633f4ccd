using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Operations;

namespace Portal.Hosting;

/// <summary>The host's output cache (in memory, or the shared Redis) as the domain evicts from it.</summary>
public sealed class OutputCachedPages(IOutputCacheStore store) : ICachedPages
{
    public ValueTask EvictAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken);
}

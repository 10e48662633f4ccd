using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Core.Database;

namespace Portal.Core.Exhibition;

/// <summary>
/// Removes uploaded media that no version of anything names: what a refused save or an abandoned draft leaves in blob
/// storage. Every version counts, published or not, since any of them may be restored; only uploads older than a day
/// are touched, so a file uploaded a moment before its version is saved is never taken.
/// </summary>
public sealed partial class UnusedMediaSweeper(IServiceScopeFactory scopes, ExhibitionMediaStore media, TimeProvider clock, ILogger<UnusedMediaSweeper> log)
    : BackgroundService
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow() - MinimumAge;
        var old = new List<string>();
        await foreach (var blob in media.Uploads.ListAsync(ExhibitionMedia.UploadFolder, cancellationToken))
            if (blob.LastModified < cutoff) old.Add(blob.Name);
        if (old.Count == 0) return 0;

        var used = new HashSet<string>(StringComparer.Ordinal);
        using (var scope = scopes.CreateScope())
        {
            var texts = scope.ServiceProvider.GetRequiredService<PortalDb>().ExhibitionVersions.AsNoTracking().Select(v => v.Text).AsAsyncEnumerable();
            await foreach (var text in texts.WithCancellation(cancellationToken))
                foreach (Match match in UploadName().Matches(text)) used.Add(match.Value);
        }
        var removed = 0;
        foreach (var name in old.Where(n => !used.Contains(n)))
        {
            await media.Uploads.DeleteAsync(name, cancellationToken);
            removed++;
        }
        if (removed > 0) log.LogInformation("Swept {Count} uploaded exhibition media that no version uses", removed);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Sweeping unused exhibition media failed; will try again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The names <see cref="CheckedMedia.Src"/> makes, wherever a document mentions them (front matter or Markdown).</summary>
    [GeneratedRegex("uploads/[0-9a-f]{24}\\.[a-z0-9]{2,4}")]
    private static partial Regex UploadName();
}

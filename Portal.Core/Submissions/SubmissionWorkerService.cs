using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Core.Submissions;

/// <summary>Runs the <see cref="SubmissionWorker"/> inside a host: at once when an upload to this host rings, otherwise at each poll.</summary>
public sealed class SubmissionWorkerService(SubmissionWorker worker, SubmissionWakeUp wakeUp, IOptions<SubmissionOptions> options, ILogger<SubmissionWorkerService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await worker.ProcessNextAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Looking for queued submissions failed");
            }
            try { await wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// Works through bulk replays one batch at a time, oldest job first, and resumes unfinished ones after a
/// restart: each batch records its cursor in the job's row in the same transaction that queues it.
/// </summary>
internal sealed class BulkReplayWorker(ReplayService replays, BulkReplaySignal signal, ILogger<BulkReplayWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var job in await replays.UnfinishedJobsAsync(stoppingToken))
                {
                    while (!await replays.RunBatchAsync(job, stoppingToken))
                    {
                        // Leave the write lock to deliveries between batches.
                        await Task.Delay(TimeSpan.FromMilliseconds(20), stoppingToken);
                    }

                    logger.LogInformation("Bulk replay {JobId} finished", job);
                }

                await signal.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "A bulk replay batch failed; it is tried again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}

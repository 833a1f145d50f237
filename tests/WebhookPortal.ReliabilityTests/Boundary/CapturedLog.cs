using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>
/// A logger provider that keeps everything the app logs at every level: the formatted message, each value of the
/// message's state and scopes, and the exception in full, so a test can search all of it for what must never be there.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public int Count => entries.Count;

    public IReadOnlyList<string> Entries => entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append($" | {key}={value}");
                }
            }

            log.scopes.ForEachScope((scope, builder) => builder.Append($" | scope {scope}"), text);
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            log.entries.Enqueue(text.ToString());
        }
    }
}

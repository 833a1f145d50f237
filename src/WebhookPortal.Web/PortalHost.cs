using Microsoft.Extensions.Options;
using WebhookPortal.Core;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Web;

/// <summary>How the portal process is composed, starts and stops.</summary>
public static class PortalHost
{
    /// <summary>The whole application: Core, the portal and the API, ready to run.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="services">Registrations made before the application's own, which give way to them
    /// where they are optional (tests put a stub <c>IHostResolver</c> there).</param>
    public static WebApplication CreateApp(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Fixed, so static assets and components are found whichever process hosts the app (tests too).
            ApplicationName = typeof(PortalHost).Assembly.GetName().Name,
        });
        // Before anything reads a setting: the callback below reads Portal:SeedDemoData while the services are composed.
        builder.Configuration.UseShippedSettings();
        services?.Invoke(builder.Services);
        builder.AddWebhookCore(hooks =>
        {
            if (SeedsDemoData(builder.Configuration))
            {
                RegisterDemoHooks(hooks);
            }
        });
        builder.AddPortalWeb();

        var app = builder.Build();
        app.UsePortalWeb();
        return app;
    }

    /// <summary>
    /// Checks the settings and prepares the database first, so that a mistake there ends the process
    /// with exit code 1 and one line that says what to fix; then runs until shutdown.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DatabaseStartupException or OptionsValidationException || IsUnreadableSetting(e))
        {
            await Console.Error.WriteLineAsync($"WebhookPortal cannot start: {e.Message}");
            return 1;
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// The demo application's entity hooks, declared as any host application would declare its own, unless
    /// <c>Portal:SeedDemoData</c> is false. A person's <see cref="Person.Secret"/> is not a provided field, so it never leaves.
    /// </summary>
    private static void RegisterDemoHooks(HookRegistry hooks)
    {
        string[] fields = ["id", "name", "address"];
        const string sample = """{"id":42,"name":"Jane Doe","address":"12 High Street, Springfield"}""";
        hooks.OnEntity<Person>(EntityChangeKind.Saved, "person.saved",
                "A person was added or changed. Their secret is never sent.", fields, sample)
            .OnEntity<Person>(EntityChangeKind.Deleted, "person.deleted",
                "A person was deleted. The payload holds the person as they were.", fields, sample);
    }

    // Read by hand: a value that is not a boolean is reported by the options validation in RunAsync, not here.
    private static bool SeedsDemoData(IConfiguration configuration) =>
        !bool.TryParse(configuration[$"{PortalOptions.SectionName}:{nameof(PortalOptions.SeedDemoData)}"], out var seed) || seed;

    // A value that cannot be bound to its option type, such as Database:Synchronous=Off.
    private static bool IsUnreadableSetting(Exception e) =>
        e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);
}

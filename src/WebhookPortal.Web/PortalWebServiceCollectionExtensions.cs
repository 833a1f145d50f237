using WebhookPortal.Core.Deliveries;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Radzen;
using WebhookPortal.Web.Api;
using WebhookPortal.Web.Health;

namespace WebhookPortal.Web;

public static class PortalWebServiceCollectionExtensions
{
    /// <summary>Registers the Blazor portal, the REST API, its authentication and the health check.</summary>
    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        UseShippedSettings(builder.Configuration);
        var services = builder.Services;

        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminApiKey>();
        services.AddHostedService(provider => provider.GetRequiredService<AdminApiKey>());

        // The host's shutdown must leave the dispatcher its grace (Delivery:ShutdownGraceSeconds), and time to give
        // back what it still holds.
        services.AddOptions<HostOptions>().Configure<IOptions<DeliveryOptions>>((host, delivery) =>
        {
            var needed = TimeSpan.FromSeconds(delivery.Value.ShutdownGraceSeconds + 10);
            host.ShutdownTimeout = host.ShutdownTimeout > needed ? host.ShutdownTimeout : needed;
        });

        // A hook's sample payload may be 64 KB, more once indented; the default 32 KB circuit message would drop the form.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 256 * 1024);
        services.AddRadzenComponents();

        services.AddProblemDetails();
        // Unreadable JSON or a query value of the wrong type then reaches BadRequestProblems in every
        // environment; otherwise Production answers a bare 400 that does not say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthenticationHandler.SchemeName, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(ApiKeyAuthenticationHandler.AdminRole));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// The root <c>appsettings.json</c> is copied beside the binaries at build. It is read first
    /// (lowest precedence), so the portal has its settings even when started from another folder;
    /// the content root's file, environment variables and the command line still override it.
    /// </summary>
    private static void UseShippedSettings(ConfigurationManager configuration)
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
        {
            configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
    }
}

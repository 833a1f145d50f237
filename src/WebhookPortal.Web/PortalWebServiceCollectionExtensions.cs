using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookPortal.Core;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Web.Accounts;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Radzen;
using WebhookPortal.Web.Api;
using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Web.Health;
using WebhookPortal.Web.Security;

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
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
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
        AddPortalAuthentication(services);
        services.AddPortalOpenApi();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Where Kestrel really listens once started (a port 0 in Urls gets its port then): the demo listeners point there.
        services.Replace(ServiceDescriptor.Singleton(provider => new ServerAddresses(() =>
            provider.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])));
        return builder;
    }

    /// <summary>
    /// Pages: a sign-in cookie (HttpOnly, SameSite=Lax, sliding for <c>Accounts:SessionHours</c>), checked against the
    /// account on every request. The API: bearer keys. Antiforgery guards every form.
    /// </summary>
    private static void AddPortalAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/sign-in";
                options.AccessDeniedPath = "/not-allowed";
                options.Cookie.Name = "WebhookPortal.Session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = async context =>
                {
                    var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                    if (context.Principal is null || !await sessions.IsValidAsync(context.Principal, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AccountOptions>>((cookie, accounts) => cookie.ExpireTimeSpan = TimeSpan.FromHours(accounts.Value.SessionHours));
        PortalPolicies.Add(services.AddAuthorizationBuilder());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<CurrentActor>();
    }

    /// <summary>
    /// The root <c>appsettings.json</c> is copied beside the binaries at build. It is read first
    /// (lowest precedence), so the portal has its settings even when started from another folder;
    /// the content root's file, environment variables and the command line still override it.
    /// Call it before anything reads configuration (<see cref="PortalHost.CreateApp"/> does, first of all);
    /// a second call adds nothing.
    /// </summary>
    public static void UseShippedSettings(this ConfigurationManager configuration)
    {
        var alreadyAdded = configuration.Sources.OfType<JsonConfigurationSource>().Any(source =>
            source.FileProvider is PhysicalFileProvider provider && provider.Root == AppContext.BaseDirectory);
        if (!alreadyAdded && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
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

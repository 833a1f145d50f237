using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>
/// Every route the running app answers, read from its own <see cref="EndpointDataSource"/> (static files left out), so
/// a test that walks them covers a route added tomorrow without being told.
/// </summary>
public static partial class RouteTable
{
    public sealed record Route(string Pattern, string Method, bool IsPage)
    {
        public IReadOnlyList<string> Parameters => ParameterPattern().Matches(Pattern).Select(m => m.Groups[1].Value).ToList();

        /// <summary>The pattern with each parameter replaced by the value <paramref name="valueOf"/> gives its name.</summary>
        public string Fill(Func<string, string> valueOf) =>
            ParameterPattern().Replace(Pattern, m => Uri.EscapeDataString(valueOf(m.Groups[1].Value)));

        public override string ToString() => $"{Method} {Pattern}";
    }

    public static IReadOnlyList<Route> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && !IsFile(e.RoutePattern.RawText ?? ""))
            .SelectMany(e => Methods(e).Select(method => new Route(
                "/" + e.RoutePattern.RawText!.TrimStart('/'), method, e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : [HttpMethods.Get];

    // A static file's route ends in a name with an extension (app.css, blazor.web.js).
    private static bool IsFile(string pattern) => !pattern.Contains('{') && Path.HasExtension(pattern);

    // {id}, {Id:int}, {**path}: the name without constraint or catch-all marks.
    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex ParameterPattern();
}

using WebhookPortal.Core.Common;

namespace WebhookPortal.Web.Components.Pages.Listeners;

/// <summary>Puts a service's refusal next to the form field it concerns.</summary>
public static class ListenerErrors
{
    public static IReadOnlyDictionary<string, string[]> ForForm(ServiceError error) => error.Kind switch
    {
        ServiceErrorKind.Invalid when error.Fields is not null => error.Fields,
        ServiceErrorKind.NotFound => new Dictionary<string, string[]> { ["hook"] = [error.Detail] },
        _ => new Dictionary<string, string[]> { ["form"] = [error.Detail] },
    };
}

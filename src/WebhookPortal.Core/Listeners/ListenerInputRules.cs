using WebhookPortal.Core.Common;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Listeners;

/// <summary>Checks a listener's input against the rules and against its hook's provided fields.</summary>
internal static class ListenerInputRules
{
    public static FieldErrors Check(ListenerInput input, Hook? hook, TimeSpan regexTimeout)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Hook))
        {
            errors.Add("hook", "Choose the hook whose events this listener receives.");
        }

        if (ListenerRules.CheckUrl(input.Url?.Trim()) is { } urlProblem)
        {
            errors.Add("url", urlProblem);
        }

        if ((input.Description?.Length ?? 0) > ListenerRules.MaxDescriptionLength)
        {
            errors.Add("description", $"The description is longer than {ListenerRules.MaxDescriptionLength} characters.");
        }

        foreach (var (field, message) in ListenerRules.CheckHeaders(input.Headers))
        {
            errors.Add(field, message);
        }

        var filterErrors = FilterSet.Validate(input.Filters, regexTimeout);
        foreach (var error in filterErrors)
        {
            errors.Add($"filters[{error.Index}].{error.Property}", error.Message);
        }

        if (hook is not null)
        {
            for (var i = 0; i < input.Filters.Count; i++)
            {
                var field = input.Filters[i].Field;
                var badPath = filterErrors.Any(e => e.Index == i && e.Property == "field");
                if (!badPath && !hook.Provides(field))
                {
                    errors.Add($"filters[{i}].field",
                        $"{field} is not a provided field of {hook.Name}, so it never reaches a listener; " +
                        $"choose one of: {string.Join(", ", hook.ProvidedFields)}.");
                }
            }
        }

        return errors;
    }
}

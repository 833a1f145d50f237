using System.Text.RegularExpressions;
using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Inbound;

/// <summary>What a source's name, description, scheme, secret and header must be, each refusal saying what to fix.</summary>
public static partial class InboundSourceRules
{
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 500;
    public const int MaxHeaderNameLength = 100;
    public const string ExampleName = "stripe-payments";

    // HTTP itself sets these, so a sender cannot put a secret in them.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding", "Connection",
        "Keep-Alive", "Upgrade", "Expect", "TE", "Trailer", "Cookie",
    };

    /// <summary>Null when the name is valid; otherwise what to fix.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"Enter a name for the source, such as {ExampleName}; it becomes the end of the URL the sender posts to.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"The name is {name.Length} characters long; the limit is {MaxNameLength}.";
        }

        return NamePattern().IsMatch(name)
            ? null
            : $"'{name}' is not a valid source name: use lowercase letters, digits and dashes, starting and ending with a letter or digit ({ExampleName}).";
    }

    public static string? CheckDescription(string? description) =>
        description?.Length > MaxDescriptionLength
            ? $"The description is {description.Length} characters long; the limit is {MaxDescriptionLength}."
            : null;

    /// <summary>Null when the header can carry a shared secret; otherwise what to fix.</summary>
    public static string? CheckHeaderName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Enter the header the sender puts the secret in, such as X-Webhook-Token.";
        }

        if (name.Length > MaxHeaderNameLength || !HeaderNamePattern().IsMatch(name))
        {
            return $"'{name}' is not a valid header name: use letters, digits and dashes (at most {MaxHeaderNameLength}), such as X-Webhook-Token.";
        }

        return ReservedHeaders.Contains(name)
            ? $"{name} is set by HTTP itself and cannot carry a secret; choose a header of your own, such as X-Webhook-Token."
            : null;
    }

    /// <summary>The scheme named by <paramref name="text"/> (any case), or null with a message under <c>scheme</c>.</summary>
    public static InboundScheme? ReadScheme(string? text, FieldErrors errors)
    {
        var names = string.Join(", ", Enum.GetNames<InboundScheme>());
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("scheme", $"Choose how requests are verified: {names}.");
            return null;
        }

        if (Enum.TryParse<InboundScheme>(text.Trim(), ignoreCase: true, out var scheme) && Enum.IsDefined(scheme) && !char.IsDigit(text.Trim()[0]))
        {
            return scheme;
        }

        errors.Add("scheme", $"'{text}' is not a verification scheme; choose one of: {names}.");
        return null;
    }

    /// <summary>
    /// Checks <paramref name="input"/> for a new source (<paramref name="existing"/> null) or a change to one, adding
    /// what is wrong to <paramref name="errors"/>; returns the tidied input, or null when anything is wrong.
    /// A null <see cref="CheckedSource.Secret"/> means: keep the stored one, or make one (<see cref="CheckedSource.GenerateSecret"/>).
    /// </summary>
    internal static CheckedSource? Check(InboundSourceInput input, InboundSource? existing, FieldErrors errors)
    {
        var name = input.Name?.Trim() ?? "";
        if (existing is null && CheckName(name) is { } nameProblem)
        {
            errors.Add("name", nameProblem);
        }
        else if (existing is not null && name.Length > 0 && name != existing.Name)
        {
            errors.Add("name", $"The name of a source cannot change: the sender posts to /ingest/{existing.Name}. " +
                               "To use another name, create a new source and give the sender its URL.");
        }

        var description = input.Description?.Trim() ?? "";
        if (CheckDescription(description) is { } descriptionProblem)
        {
            errors.Add("description", descriptionProblem);
        }

        var scheme = ReadScheme(input.Scheme, errors);
        var secret = string.IsNullOrWhiteSpace(input.Secret) ? null : input.Secret.Trim();
        var headerName = string.IsNullOrWhiteSpace(input.HeaderName) ? null : input.HeaderName.Trim();
        var generate = false;
        if (scheme is { } known)
        {
            var rules = SignatureScheme.For(known);
            var schemeChanged = existing is null || existing.Scheme != known;
            generate = secret is null && schemeChanged && rules.GeneratesSecret;
            if (secret is not null || (schemeChanged && !generate))
            {
                // An empty secret where one is needed gets the same message: what to paste, and where it is found.
                if (rules.CheckSecret(secret ?? "") is { } secretProblem)
                {
                    errors.Add("secret", secretProblem);
                }
            }

            if (rules.NeedsHeaderName && CheckHeaderName(headerName) is { } headerProblem)
            {
                errors.Add("headerName", headerProblem);
            }
            else if (!rules.NeedsHeaderName && headerName is not null)
            {
                errors.Add("headerName", $"Only the {InboundScheme.SharedSecret} scheme reads a header you name; leave it empty for {known}.");
            }
        }

        if (string.IsNullOrWhiteSpace(input.Hook))
        {
            errors.Add("hook", "Choose the hook whose events the verified requests become.");
        }

        return errors.Any ? null : new CheckedSource(existing?.Name ?? name, description, scheme!.Value, secret, generate, headerName);
    }

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderNamePattern();
}

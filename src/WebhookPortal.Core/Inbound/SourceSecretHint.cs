using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Inbound;

/// <summary>What the portal and the API show of a stored secret: its prefix, if it has the usual one, and its last four characters.</summary>
public static class SourceSecretHint
{
    public static string Mask(string secret)
    {
        var prefix = secret.StartsWith(ListenerSecret.Prefix, StringComparison.Ordinal) ? ListenerSecret.Prefix : "";
        return secret.Length - prefix.Length < 16 ? prefix + "••••••••" : prefix + "••••••••" + secret[^4..];
    }
}

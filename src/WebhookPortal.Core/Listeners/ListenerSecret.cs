using System.Security.Cryptography;

namespace WebhookPortal.Core.Listeners;

/// <summary>Signing secrets in the Standard Webhooks form: <c>whsec_</c> and base64 of random bytes.</summary>
public static class ListenerSecret
{
    public const string Prefix = "whsec_";
    private const int KeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>What the portal shows after the one-time reveal: the prefix and the last four characters.</summary>
    public static string Mask(string secret) =>
        secret.Length <= Prefix.Length + 4 ? Prefix + "••••" : Prefix + "••••••••" + secret[^4..];
}

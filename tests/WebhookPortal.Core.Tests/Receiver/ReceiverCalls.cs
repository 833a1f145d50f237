using System.Text;
using Microsoft.Extensions.Primitives;
using WebhookPortal.Core.Receiver;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Receiver;

/// <summary>Requests to the built-in receiver as the web endpoint hands them to Core, signed or not.</summary>
internal static class ReceiverCalls
{
    public static ReceiverCall Post(string bucket, string query = "", string body = """{"id":"ord_1"}""", params (string Name, string Value)[] headers)
    {
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => KeyValuePair.Create(p[0], new StringValues(p.Length > 1 ? p[1] : "")))
            .ToList();
        var sent = headers.Prepend(("Content-Type", "application/json"))
            .Select(h => KeyValuePair.Create(h.Item1, new StringValues(h.Item2)))
            .ToList();
        return new ReceiverCall("POST", $"/receiver/{bucket}{(query.Length > 0 ? "?" + query : "")}", sent, parameters,
            new MemoryStream(Encoding.UTF8.GetBytes(body)), "203.0.113.7");
    }

    /// <summary>The Standard Webhooks headers for <paramref name="body"/>, signed as the specification says (not by the portal's code).</summary>
    public static (string, string)[] Signed(string secret, string body, DateTimeOffset at, string id = "msg_1") =>
    [
        ("webhook-id", id),
        ("webhook-timestamp", at.ToUnixTimeSeconds().ToString()),
        ("webhook-signature", ProviderSignatures.StandardWebhooks(secret, id, at.ToUnixTimeSeconds(), body)),
    ];
}

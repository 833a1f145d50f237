using System.Net;
using System.Text.RegularExpressions;

namespace WebhookPortal.TestSupport;

/// <summary>Fills in the portal's sign-in page as a browser would: the antiforgery token from the page, then the form.</summary>
public static partial class SignInForm
{
    /// <summary>Posts the form and follows the redirect; the answer's request URI says where the browser ended.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string returnUrl = "")
    {
        var page = await client.GetStringAsync("/sign-in" + (returnUrl.Length > 0 ? $"?returnUrl={Uri.EscapeDataString(returnUrl)}" : ""));
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "sign-in",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/sign-in" + (returnUrl.Length > 0 ? $"?returnUrl={Uri.EscapeDataString(returnUrl)}" : ""), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

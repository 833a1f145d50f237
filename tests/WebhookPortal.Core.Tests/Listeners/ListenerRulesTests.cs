using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Listeners;

public sealed class ListenerRulesTests
{
    [Theory]
    [InlineData("https://example.com/webhooks")]
    [InlineData("http://127.0.0.1:8080/in?token=abc")]
    [InlineData("https://bücher.example/hooks")]
    [InlineData("https://[2001:db8::1]/hook")]
    public void CheckUrl_Accepts_AbsoluteHttpAndHttpsUrls(string url) => Assert.Null(ListenerRules.CheckUrl(url));

    [Theory]
    [InlineData("", "Enter the URL")]
    [InlineData("example.com/hook", "absolute URL")]
    [InlineData("/relative/path", "absolute URL")]
    [InlineData("ftp://example.com/hook", "'ftp' URLs cannot receive webhooks")]
    [InlineData("javascript:alert(1)", "'javascript' URLs cannot receive webhooks")]
    [InlineData("file:///etc/passwd", "absolute URL")]
    [InlineData("https://user:secret@example.com/hook", "Remove the user name and password")]
    [InlineData("https://example.com/hook#section", "Remove the #fragment")]
    [InlineData("https://example.com/a b", "spaces or control characters")]
    [InlineData("https://example.com/\r\nX-Injected: 1", "spaces or control characters")]
    public void CheckUrl_SaysWhatToFix_ForEachKindOfMistake(string url, string expected) =>
        Assert.Contains(expected, ListenerRules.CheckUrl(url));

    [Fact]
    public void CheckUrl_RefusesUrlsOverTheLengthLimit()
    {
        var url = "https://example.com/" + new string('a', 10_000);

        Assert.Contains($"the limit is {ListenerRules.MaxUrlLength}", ListenerRules.CheckUrl(url));
    }

    [Fact]
    public void CheckHeaders_AcceptsOrdinaryHeaders() =>
        Assert.Empty(ListenerRules.CheckHeaders([new("X-Environment", "production"), new("Authorization", "Bearer abc\tdef")]));

    [Theory]
    [InlineData("Host", "set by WebhookPortal itself")]
    [InlineData("content-length", "set by WebhookPortal itself")]
    [InlineData("Webhook-Signature", "set by WebhookPortal itself")]
    [InlineData("webhook-id", "set by WebhookPortal itself")]
    [InlineData("X Bad", "not a valid header name")]
    [InlineData("X:Bad", "not a valid header name")]
    [InlineData("", "Enter the header's name")]
    public void CheckHeaders_RefusesTheName_WhenReservedOrMalformed(string name, string expected)
    {
        var problems = ListenerRules.CheckHeaders([new(name, "v")]);

        Assert.Contains(expected, problems["headers[0].name"]);
    }

    [Theory]
    [InlineData("a\r\nX-Injected: yes")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    public void CheckHeaders_RefusesLineBreaksInValues_SoNoHeaderCanBeInjected(string value)
    {
        var problems = ListenerRules.CheckHeaders([new("X-Ok", "fine"), new("X-Note", value)]);

        Assert.Contains("could inject headers", problems["headers[1].value"]);
        Assert.False(problems.ContainsKey("headers[0].value"));
    }

    [Fact]
    public void CheckHeaders_RefusesTheSameNameTwice()
    {
        var problems = ListenerRules.CheckHeaders([new("X-Env", "a"), new("x-env", "b")]);

        Assert.Contains("given twice", problems["headers[1].name"]);
    }

    [Fact]
    public void CheckHeaders_RefusesMoreThanTheLimit()
    {
        var headers = Enumerable.Range(0, ListenerRules.MaxHeaders + 1).Select(i => new ListenerHeader($"X-{i}", "v")).ToList();

        Assert.Contains("at most", ListenerRules.CheckHeaders(headers)["headers"]);
    }
}

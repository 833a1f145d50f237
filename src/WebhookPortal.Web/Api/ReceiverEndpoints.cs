using WebhookPortal.Web.Api.OpenApi;
using WebhookPortal.Core.Receiver;

namespace WebhookPortal.Web.Api;

/// <summary>
/// <c>POST</c> (or <c>PUT</c>, <c>PATCH</c>) <c>/receiver/{bucket}</c>: the built-in receiver, a target for the
/// portal's own deliveries and for anyone trying a sender out. Not behind the admin key. The page at the same
/// path answers <c>GET</c>; this endpoint comes first for the other methods, so a POST never reaches the page.
/// </summary>
public static class ReceiverEndpoints
{
    public const string Path = "/receiver";

    public static IEndpointRouteBuilder MapReceiverEndpoints(this IEndpointRouteBuilder app)
    {
        // The bucket is optional here only so that a post to /receiver itself is told what is missing.
        app.MapMethods($"{Path}/{{bucket?}}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch], ReceiveAsync)
            .WithOrder(-1).WithTags("Receiver").WithName("Receiver")
            .Doc("Send a request to the built-in receiver", "Records the request (method, headers, body, whether its Standard Webhooks " +
                "signature verifies) in the bucket, where the portal shows it. Answers 200 unless the bucket is set to answer otherwise. " +
                "Needs no key.")
            .Answers<ReceiverResponse>().Refuses(StatusCodes.Status400BadRequest);
        return app;
    }

    /// <summary>Whether a request is for the receiver rather than its pages: anything but a read.</summary>
    public static bool IsReceiverCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Path) && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);

    private static async Task<IResult> ReceiveAsync(BucketReceiver receiver, HttpContext context, string? bucket, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress;
        var call = new ReceiverCall(request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", request.Headers, request.Query,
            request.Body, (address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4() : address)?.ToString());
        var received = await receiver.ReceiveAsync(bucket ?? "", call, cancellationToken);
        if (!received.Succeeded)
        {
            return received.Error.ToProblem();
        }

        var answer = received.Value;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // These may not carry a body; every other answer says what was recorded, so no error page replaces it.
        return answer.Status is StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified
            ? TypedResults.StatusCode(answer.Status)
            : TypedResults.Json(new ReceiverResponse(true, answer.RequestId), statusCode: answer.Status);
    }
}

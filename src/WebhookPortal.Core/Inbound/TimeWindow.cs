namespace WebhookPortal.Core.Inbound;

/// <summary>Now, and how far from it a signed timestamp may be (either way).</summary>
internal readonly record struct TimeWindow(DateTimeOffset Now, TimeSpan Tolerance)
{
    /// <summary>Null when <paramref name="unixSeconds"/> is close enough to now; otherwise the refusal.</summary>
    public Verification? Check(long unixSeconds, string header)
    {
        var offset = unixSeconds - Now.ToUnixTimeSeconds();
        var limit = (long)Tolerance.TotalSeconds;
        if (Math.Abs(offset) <= limit)
        {
            return null;
        }

        var how = offset < 0 ? $"{-offset} seconds in the past" : $"{offset} seconds in the future";
        return Verification.Failed(RejectionReason.TimestampOutsideTolerance,
            $"The signature verifies, but the {header} is {how}; at most {limit} seconds either way are accepted. " +
            "This is a replayed request, or the sender's clock is off.");
    }
}

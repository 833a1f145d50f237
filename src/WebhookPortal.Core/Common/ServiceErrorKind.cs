namespace WebhookPortal.Core.Common;

public enum ServiceErrorKind
{
    /// <summary>The input breaks a rule; nothing was changed.</summary>
    Invalid,

    /// <summary>Something the request names does not exist (or is not visible to the caller).</summary>
    NotFound,

    /// <summary>The request clashes with the current state, such as a name already taken or a stale version.</summary>
    Conflict,

    /// <summary>The caller is known but its role does not allow this.</summary>
    Forbidden,
}

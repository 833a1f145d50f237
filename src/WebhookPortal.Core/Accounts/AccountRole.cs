namespace WebhookPortal.Core.Accounts;

/// <summary>What an account may do in the portal and through the API.</summary>
public enum AccountRole
{
    /// <summary>Everything: hooks, listeners, accounts, keys, links, the audit trail.</summary>
    Admin = 0,

    /// <summary>Reads everything and replays deliveries; changes nothing else.</summary>
    Support = 1,

    /// <summary>Reads the listeners it owns and their delivery history, nothing else.</summary>
    Customer = 2,
}

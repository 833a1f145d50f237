using WebhookPortal.Core.Common;

namespace WebhookPortal.Core.Demo;

/// <summary>What a person may be; the limits are the columns' sizes, so nothing is ever cut off.</summary>
public static class PersonRules
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxSecretLength = 200;

    /// <summary>A message per wrong field, keyed <c>name</c>, <c>address</c> and <c>secret</c>.</summary>
    public static FieldErrors Check(PersonInput input)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add("name", "Enter the person's name.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"The name is {name.Length} characters long; the limit is {MaxNameLength}.");
        }

        var address = input.Address?.Trim() ?? "";
        if (address.Length > MaxAddressLength)
        {
            errors.Add("address", $"The address is {address.Length} characters long; the limit is {MaxAddressLength}.");
        }

        var secret = input.Secret ?? "";
        if (secret.Length > MaxSecretLength)
        {
            errors.Add("secret", $"The secret is {secret.Length} characters long; the limit is {MaxSecretLength}.");
        }

        return errors;
    }
}

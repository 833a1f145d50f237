namespace WebhookPortal.Client;

/// <summary>How a match filter compares a payload field with its value.</summary>
public enum FilterOperator
{
    /// <summary>Always matches, even when the field is absent.</summary>
    Any,

    /// <summary>The field's text equals the value.</summary>
    Is,

    /// <summary>The field's text starts with the value.</summary>
    StartsWith,

    /// <summary>The field's text ends with the value.</summary>
    EndsWith,

    /// <summary>The field's text contains the value.</summary>
    Contains,

    /// <summary>The field's text matches the value as a .NET regular expression.</summary>
    Like,

    /// <summary>The field is present (null counts as present).</summary>
    Exists,

    /// <summary>The field's text equals one of the comma-separated values.</summary>
    In,

    /// <summary>The field is a number greater than the value.</summary>
    GreaterThan,

    /// <summary>The field is a number less than the value.</summary>
    LessThan,
}

namespace WebhookPortal.Core.Filters;

/// <summary>How a match filter compares a payload field with its value.</summary>
public enum FilterOperator
{
    /// <summary>Always matches, even when the field is absent.</summary>
    Any = 0,

    /// <summary>The field's text equals the value.</summary>
    Is = 1,

    StartsWith = 2,

    EndsWith = 3,

    Contains = 4,

    /// <summary>The field's text matches the value as a .NET regular expression (with a match timeout).</summary>
    Like = 5,

    /// <summary>The field is present (null counts as present).</summary>
    Exists = 6,

    /// <summary>The field's text equals one of the listed values.</summary>
    In = 7,

    /// <summary>The field is a number greater than the value.</summary>
    GreaterThan = 8,

    /// <summary>The field is a number less than the value.</summary>
    LessThan = 9,
}

using System.Diagnostics.CodeAnalysis;

namespace WebhookPortal.Core.Common;

/// <summary>A service's answer: the value, or the <see cref="ServiceError"/> that says why not.</summary>
public sealed class ServiceResult<T>
{
    private ServiceResult(T? value, ServiceError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ServiceError? Error { get; }

    /// <summary>What succeeded but deserves a look, such as a listener URL that deliveries would be refused to.</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static ServiceResult<T> Ok(T value) => new(value, null);

    public static ServiceResult<T> Ok(T value, IReadOnlyList<string> warnings) => new(value, null) { Warnings = warnings };

    public static implicit operator ServiceResult<T>(ServiceError error) => new(default, error);
}

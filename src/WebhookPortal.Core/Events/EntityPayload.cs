using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace WebhookPortal.Core.Events;

/// <summary>
/// An entity as a JSON object of its scalar properties, named in camelCase (<c>Id</c> → <c>id</c>) and in
/// the order the class declares them. The publisher then keeps only the hook's provided fields, so a
/// property such as a secret never leaves.
/// </summary>
internal static class EntityPayload
{
    public static JsonElement From(EntityEntry entry, bool original)
    {
        var properties = new Dictionary<string, object?>();
        // EF lists the key first and the rest alphabetically; receivers read the class's own order better.
        foreach (var property in entry.Properties.OrderBy(p => p.Metadata.PropertyInfo?.MetadataToken ?? int.MaxValue))
        {
            properties[JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name)] =
                original ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.SerializeToElement(properties);
    }

    /// <summary>The entity's key as the event's origin shows it: <c>#42</c>.</summary>
    public static string Key(EntityEntry entry) =>
        "#" + string.Join("/", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue) ?? []);
}

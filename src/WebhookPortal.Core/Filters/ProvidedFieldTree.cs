using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// A hook's provided paths as a tree: each node keeps either its whole value or only the children listed,
/// so that <c>customer</c> and <c>customer.email</c> together keep all of <c>customer</c>.
/// </summary>
internal sealed class ProvidedFieldTree
{
    private readonly Dictionary<string, ProvidedFieldTree> children = new(StringComparer.Ordinal);
    private bool whole;

    /// <exception cref="ArgumentException">A path is not valid (<see cref="PayloadFields.IsValidPath"/>).</exception>
    public static ProvidedFieldTree Build(IReadOnlyList<string> paths)
    {
        var root = new ProvidedFieldTree();
        foreach (var path in paths)
        {
            if (!PayloadFields.IsValidPath(path))
            {
                throw new ArgumentException($"'{path}' is not a dotted path of payload fields.", nameof(paths));
            }

            var node = root;
            foreach (var range in path.AsSpan().Split('.'))
            {
                if (node.whole)
                {
                    break;
                }

                var name = path[range];
                if (!node.children.TryGetValue(name, out var child))
                {
                    node.children[name] = child = new ProvidedFieldTree();
                }

                node = child;
            }

            node.whole = true;
            node.children.Clear();
        }

        return root;
    }

    /// <summary>Writes the kept part of <paramref name="source"/>, an object, in the source's property order.</summary>
    public void WriteObject(JsonElement source, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var property in source.EnumerateObject())
        {
            if (!children.TryGetValue(property.Name, out var child) || !child.KeepsAnything(property.Value))
            {
                continue;
            }

            if (child.whole)
            {
                property.WriteTo(writer);
            }
            else
            {
                writer.WritePropertyName(property.Name);
                child.WriteObject(property.Value, writer);
            }
        }

        writer.WriteEndObject();
    }

    // A parent provided only for some of its children is written only when one of them is there: an empty
    // object would still tell the listener something the hook did not provide.
    private bool KeepsAnything(JsonElement value) =>
        whole || (value.ValueKind == JsonValueKind.Object
                  && value.EnumerateObject().Any(p => children.TryGetValue(p.Name, out var child) && child.KeepsAnything(p.Value)));
}

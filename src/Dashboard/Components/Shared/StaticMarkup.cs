using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;

namespace Dashboard.Components.Shared;

#pragma warning disable BL0006 // RenderTree types: read only, on a builder this class owns and never hands to a renderer

/// <summary>Writes markup-only render fragments (elements, attributes, text, markup) as one HTML string.
/// Issue 7: a circuit keeps two copies of each component's render tree, about 40 bytes a frame plus a string per text;
/// a report page of 50 rows × 9 cells held about 150 KB of frames and 60 KB of small strings per circuit. As one
/// <see cref="MarkupString"/> the same rows are one frame and one string (about 45 KB).</summary>
/// <remarks>Text and attribute values are escaped here (<c>&amp; &lt; &gt; " '</c>); <see cref="MarkupString"/>s
/// inside a fragment are written as they are, as Blazor would. A fragment that needs the renderer (a component, an
/// event handler, an element reference) is refused: rendered as a string it would silently lose its behaviour.</remarks>
public sealed class StaticMarkup : IDisposable
{
    // Elements without an end tag (HTML "void elements").
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private readonly RenderTreeBuilder builder = new();

    /// <summary>Appends what <paramref name="fragment"/> renders to <paramref name="html"/>.</summary>
    /// <exception cref="InvalidOperationException">The fragment renders a component, an event handler or a reference capture.</exception>
    public void Append(StringBuilder html, RenderFragment fragment)
    {
        builder.Clear();
        fragment(builder);
        var frames = builder.GetFrames();
        AppendFrames(html, frames.Array, 0, frames.Count);
        builder.Clear();
    }

    /// <summary>The HTML of one fragment (tests, single cells).</summary>
    public static string Render(RenderFragment fragment)
    {
        using var markup = new StaticMarkup();
        var html = new StringBuilder();
        markup.Append(html, fragment);
        return html.ToString();
    }

    public void Dispose() => builder.Dispose();

    private static void AppendFrames(StringBuilder html, RenderTreeFrame[] frames, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            ref var frame = ref frames[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Element:
                    i = AppendElement(html, frames, i) - 1;
                    break;
                case RenderTreeFrameType.Text:
                    AppendEscaped(html, frame.TextContent);
                    break;
                case RenderTreeFrameType.Markup:
                    html.Append(frame.MarkupContent);
                    break;
                case RenderTreeFrameType.Region:
                    break;   // a region's frames follow it: they are written by the next iterations
                default:
                    throw new InvalidOperationException(
                        $"Static markup cannot render a {frame.FrameType} frame: a cell must be plain markup.");
            }
        }
    }

    // Writes the element at frames[index] with its attributes and children; returns the index after its subtree.
    private static int AppendElement(StringBuilder html, RenderTreeFrame[] frames, int index)
    {
        ref var element = ref frames[index];
        var end = index + element.ElementSubtreeLength;
        html.Append('<').Append(element.ElementName);
        var child = index + 1;
        for (; child < end && frames[child].FrameType == RenderTreeFrameType.Attribute; child++)
        {
            ref var attribute = ref frames[child];
            switch (attribute.AttributeValue)
            {
                case null or false:
                    break;
                case true:
                    html.Append(' ').Append(attribute.AttributeName);
                    break;
                case string text:
                    html.Append(' ').Append(attribute.AttributeName).Append("=\"");
                    AppendEscaped(html, text);
                    html.Append('"');
                    break;
                case IFormattable or IConvertible:
                    html.Append(' ').Append(attribute.AttributeName).Append("=\"");
                    AppendEscaped(html, Convert.ToString(attribute.AttributeValue, System.Globalization.CultureInfo.InvariantCulture));
                    html.Append('"');
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Static markup cannot render the attribute '{attribute.AttributeName}' ({attribute.AttributeValue.GetType().Name}): event handlers need a component.");
            }
        }
        html.Append('>');
        if (VoidElements.Contains(element.ElementName)) return end;
        AppendFrames(html, frames, child, end);
        html.Append("</").Append(element.ElementName).Append('>');
        return end;
    }

    // HTML escaping for text and double-quoted attribute values; everything else (accents, kana, €) stays as it is.
    internal static void AppendEscaped(StringBuilder html, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is null) continue;
            html.Append(text, from, i - from).Append(entity);
            from = i + 1;
        }
        html.Append(text, from, text.Length - from);
    }
}

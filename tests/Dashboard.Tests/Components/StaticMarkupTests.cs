using Dashboard.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Dashboard.Tests.Components;

/// <summary>The report table writes its rows as one HTML string (issue 7): what a cell's markup would have been,
/// escaped as Blazor escapes it, and nothing that needs the renderer.</summary>
public class StaticMarkupTests
{
    [Fact]
    public void Elements_attributes_and_text_are_written_with_text_and_values_escaped()
    {
        var html = StaticMarkup.Render(b =>
        {
            b.OpenElement(0, "a");
            b.AddAttribute(1, "href", "orders/1?x=\"><script>alert(1)</script>&y='2'");
            b.AddAttribute(2, "data-testid", "order-link");
            b.AddContent(3, "<Tom & Jerry> «Éloïse» 東京 €");
            b.CloseElement();
        });

        Assert.Equal(
            "<a href=\"orders/1?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;y=&#39;2&#39;\" data-testid=\"order-link\">"
            + "&lt;Tom &amp; Jerry&gt; «Éloïse» 東京 €</a>", html);
    }

    [Fact]
    public void Regions_nested_elements_void_elements_booleans_numbers_and_markup_strings_render_as_Blazor_would()
    {
        RenderFragment inner = b => b.AddContent(0, "inner");
        var html = StaticMarkup.Render(b =>
        {
            b.OpenElement(0, "span");
            b.AddAttribute(1, "class", "rz-badge");
            b.AddAttribute(2, "hidden", true);
            b.AddAttribute(3, "disabled", false);
            b.AddAttribute(4, "colspan", 3);
            b.AddContent(5, inner);                       // a region
            b.OpenElement(6, "br");
            b.CloseElement();
            b.AddMarkupContent(7, "<b>kept</b>");
            b.CloseElement();
            b.AddContent(8, (string?)null);
        });

        Assert.Equal("<span class=\"rz-badge\" hidden colspan=\"3\">inner<br><b>kept</b></span>", html);
    }

    [Fact]
    public void A_fragment_with_an_event_handler_or_a_component_is_refused()
    {
        var handler = Assert.Throws<InvalidOperationException>(() => StaticMarkup.Render(b =>
        {
            b.OpenElement(0, "button");
            b.AddAttribute(1, "onclick", (Action)(() => { }));
            b.CloseElement();
        }));
        Assert.Contains("onclick", handler.Message);

        var component = Assert.Throws<InvalidOperationException>(() => StaticMarkup.Render(b =>
        {
            b.OpenComponent<PageHeading>(0);
            b.CloseComponent();
        }));
        Assert.Contains("Component", component.Message);
    }

    [Fact]
    public void One_writer_appends_several_fragments_in_order()
    {
        using var markup = new StaticMarkup();
        var html = new System.Text.StringBuilder();
        foreach (var text in new[] { "a", "b&c" })
        {
            html.Append("<td>");
            markup.Append(html, (RenderFragment)(b => b.AddContent(0, text)));
            html.Append("</td>");
        }
        Assert.Equal("<td>a</td><td>b&amp;c</td>", html.ToString());
    }
}

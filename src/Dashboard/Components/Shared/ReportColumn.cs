using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>One column of a <see cref="ReportTable{TItem}"/>: plain data, not a component, so a report page with
/// 50 rows × 9 columns holds one component instead of hundreds (issue 7: server memory per circuit).</summary>
/// <param name="Key">Stable name (the row type's property name): the sort key, the saved views' column list.</param>
/// <param name="Title">Header text, already localized.</param>
/// <param name="Cell">Renders one cell; markup only (elements, attributes, text): the rows are written as one HTML
/// string by <see cref="StaticMarkup"/>, which refuses components and event handlers.</param>
public sealed record ReportColumn<TItem>(string Key, string Title, RenderFragment<TItem> Cell)
{
    /// <summary>CSS width of the column, e.g. "150px".</summary>
    public string? Width { get; init; }

    public bool Sortable { get; init; }

    /// <summary>Right-aligned (amounts).</summary>
    public bool AlignRight { get; init; }

    /// <summary>Shown when no saved view says otherwise; every column can be hidden in the column picker.</summary>
    public bool VisibleByDefault { get; init; } = true;
}

/// <summary>The sort a report table shows: a column key and its direction.</summary>
public sealed record ReportSort(string Key, bool Descending);

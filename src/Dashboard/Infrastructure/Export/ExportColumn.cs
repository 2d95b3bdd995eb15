using System.Globalization;
using Dashboard.Domain.Common;

namespace Dashboard.Infrastructure.Export;

/// <summary>How a cell is typed in the workbook and written in CSV.</summary>
public enum CellKind
{
    Text = 0,
    Integer = 1,

    /// <summary>A long in minor units; written in major units with the currency's decimals.</summary>
    Money = 2,

    /// <summary>A DateTime already converted to the zone its header names.</summary>
    DateTime = 3,
}

/// <summary>
/// One column of an export: its header, type, width in characters and how to read it from a row. One column map
/// drives the workbook and the CSV, so both hold the same columns as the screen.
/// </summary>
public sealed record ExportColumn<T>(string Header, CellKind Kind, Func<T, object?> Value, double Width = 16, Func<T, string>? Currency = null)
{
    public static ExportColumn<T> Text(string header, Func<T, string?> value, double width = 18) => new(header, CellKind.Text, value, width);
    public static ExportColumn<T> Integer(string header, Func<T, long?> value, double width = 12) => new(header, CellKind.Integer, r => value(r), width);
    public static ExportColumn<T> Money(string header, Func<T, long?> value, Func<T, string> currency, double width = 14) => new(header, CellKind.Money, r => value(r), width, currency);
    public static ExportColumn<T> Date(string header, Func<T, DateTime?> value, double width = 20) => new(header, CellKind.DateTime, r => value(r), width);
}

/// <summary>The lines above the table: who, which view, which filter, which time zone.</summary>
public sealed record ExportHeader(string Title, IReadOnlyList<KeyValuePair<string, string>> Lines);

/// <summary>EXP-01: a text cell that a spreadsheet could read as a formula is prefixed with an apostrophe.</summary>
public static class ExportText
{
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Major(long minorUnits, string currency) =>
        Currencies.ToMajor(minorUnits, currency).ToString("F" + Currencies.Exponent(currency), CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace Dashboard.Infrastructure.Export;

/// <summary>
/// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. Money is
/// written in major units with a point and the currency's decimals, times as yyyy-MM-dd HH:mm:ss in the zone the
/// header names. The optional UTF-8 byte order mark makes Excel read accents and kana correctly.
/// </summary>
public static class CsvExportWriter
{
    public static async Task<int> WriteAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        bool byteOrderMark, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(byteOrderMark), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder(256);
        AppendLine(line, columns.Select(c => c.Header));
        await writer.WriteAsync(line, ct);

        var count = 0;
        await foreach (var item in rows.WithCancellation(ct))
        {
            line.Clear();
            AppendLine(line, columns.Select(c => Field(c, item)));
            await writer.WriteAsync(line, ct);
            count++;
        }
        await writer.FlushAsync(ct);
        return count;
    }

    public static string Field<T>(ExportColumn<T> column, T item) => column.Value(item) switch
    {
        null => "",
        string s => ExportText.Neutralise(s),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        long n when column.Kind == CellKind.Money => ExportText.Major(n, column.Currency!(item)),
        long n => n.ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };

    private static void AppendLine(StringBuilder sb, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) sb.Append(',');
            first = false;
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                sb.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else
                sb.Append(f);
        }
        sb.Append("\r\n");
    }
}

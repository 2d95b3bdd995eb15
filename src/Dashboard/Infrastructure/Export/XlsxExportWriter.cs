using System.Globalization;
using System.IO.Compression;
using System.Text;
using Dashboard.Domain.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Infrastructure.Export;

/// <summary>
/// Writes one worksheet as a streaming .xlsx: a plain ZipArchive with an OpenXmlWriter per part, so memory stays flat
/// whatever the row count (SpreadsheetDocument buffers every part). Numbers are numeric cells, dates are serial dates
/// with a date style, money uses the currency's decimals; text is inline and neutralised (EXP-01).
/// </summary>
public static class XlsxExportWriter
{
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    // Style indexes into styles.xml's cellXfs below.
    private const uint Bold = 1, DateTimeStyle = 2, Money0 = 3, Money2 = 4, Money3 = 5, IntegerStyle = 6;

    /// <returns>The number of data rows written.</returns>
    public static async Task<int> WriteAsync<T>(Stream output, ExportHeader header, IReadOnlyList<ExportColumn<T>> columns,
        IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteLiteral(zip, "[Content_Types].xml", ContentTypes);
        WriteLiteral(zip, "_rels/.rels", RootRels);
        WriteLiteral(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
        WriteLiteral(zip, "xl/styles.xml", Styles);

        var headerRow = (uint)header.Lines.Count + 3;   // title, the lines, a blank row, then the column headers
        int count;
        await using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            count = await WriteSheetAsync(part, header, headerRow, columns, rows, ct);

        var lastColumn = ColumnName(columns.Count);
        var lastRow = headerRow + (uint)count;
        using (var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
        using (var w = DocumentFormat.OpenXml.OpenXmlWriter.Create(part))
        {
            var sheetName = SheetName(header.Title);
            w.WriteStartDocument();
            w.WriteStartElement(new Workbook(), [], [new("r", RelNs)]);
            w.WriteElement(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" }));
            w.WriteElement(new DefinedNames(new DefinedName($"'{sheetName}'!$A${headerRow}:${lastColumn}${lastRow}")
            { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
            w.WriteEndElement();
        }
        return count;
    }

    private static async Task<int> WriteSheetAsync<T>(Stream part, ExportHeader header, uint headerRow, IReadOnlyList<ExportColumn<T>> columns,
        IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        using var w = DocumentFormat.OpenXml.OpenXmlWriter.Create(part);
        w.WriteStartDocument();
        w.WriteStartElement(new Worksheet(), [], [new("r", RelNs)]);
        // The header block and the column headers stay in view while scrolling.
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft })
        { WorkbookViewId = 0 }));
        w.WriteElement(new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
        w.WriteStartElement(new SheetData());

        var cells = new CellWriter(w);
        uint r = 1;
        w.WriteStartElement(new Row { RowIndex = r++ });
        cells.Text(header.Title, Bold);
        w.WriteEndElement();
        foreach (var line in header.Lines)
        {
            w.WriteStartElement(new Row { RowIndex = r++ });
            cells.Text(line.Key, Bold);
            cells.Text(line.Value, 0);
            w.WriteEndElement();
        }
        r = headerRow;
        w.WriteStartElement(new Row { RowIndex = r++ });
        foreach (var c in columns) cells.Text(c.Header, Bold);
        w.WriteEndElement();

        var count = 0;
        var row = new Row();
        await foreach (var item in rows.WithCancellation(ct))
        {
            w.WriteStartElement(row, [new OpenXmlAttribute("r", "", (r++).ToString(CultureInfo.InvariantCulture))]);
            foreach (var c in columns) cells.Write(c, item);
            w.WriteEndElement();
            count++;
        }
        w.WriteEndElement(); // sheetData
        w.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{ColumnName(columns.Count)}{Math.Max(headerRow, headerRow + (uint)count)}" });
        w.WriteEndElement(); // worksheet
        return count;
    }

    /// <summary>
    /// Writes cells as start tag, text, end tag with attribute lists made once: serialising a whole element per cell
    /// (WriteElement) costs several times more, and an export can hold tens of millions of cells.
    /// </summary>
    private sealed class CellWriter(DocumentFormat.OpenXml.OpenXmlWriter w)
    {
        private static readonly Cell CellElement = new();
        private static readonly InlineString InlineElement = new();
        private static readonly Text TextElement = new();
        private static readonly CellValue ValueElement = new();
        private static readonly OpenXmlAttribute InlineType = new("t", "", "inlineStr");
        private static readonly OpenXmlAttribute[] NoAttributes = [];
        private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
        private static readonly OpenXmlAttribute[][] TextAttributes = [.. Enumerable.Range(0, 7).Select(i => i == 0 ? [InlineType] : new[] { Style((uint)i), InlineType })];
        private static readonly OpenXmlAttribute[][] NumberAttributes = [.. Enumerable.Range(0, 7).Select(i => new[] { Style((uint)i) })];

        private static OpenXmlAttribute Style(uint index) => new("s", "", index.ToString(CultureInfo.InvariantCulture));

        public void Text(string value, uint style)
        {
            value = ExportText.Neutralise(value);
            w.WriteStartElement(CellElement, TextAttributes[style]);
            w.WriteStartElement(InlineElement, NoAttributes);
            w.WriteStartElement(TextElement, value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) ? Preserve : NoAttributes);
            w.WriteString(value);
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        public void Write<T>(ExportColumn<T> column, T item)
        {
            var value = column.Value(item);
            switch (value)
            {
                case null:
                    w.WriteStartElement(CellElement, NoAttributes);
                    w.WriteEndElement();
                    break;
                case string s:
                    Text(s, 0);
                    break;
                case DateTime d:
                    Number(d.ToOADate().ToString("R", CultureInfo.InvariantCulture), DateTimeStyle);
                    break;
                case long n when column.Kind == CellKind.Money:
                    var currency = column.Currency!(item);
                    Number(ExportText.Major(n, currency), Currencies.Exponent(currency) switch { 0 => Money0, 3 => Money3, _ => Money2 });
                    break;
                case long n:
                    Number(n.ToString(CultureInfo.InvariantCulture), IntegerStyle);
                    break;
                default:
                    Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0);
                    break;
            }
        }

        private void Number(string value, uint style)
        {
            w.WriteStartElement(CellElement, NumberAttributes[style]);
            w.WriteStartElement(ValueElement, NoAttributes);
            w.WriteString(value);
            w.WriteEndElement();
            w.WriteEndElement();
        }
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray()).Trim();
        return clean.Length == 0 ? "Report" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static void WriteLiteral(ZipArchive zip, string name, string xml)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes(xml);
        s.Write(bytes);
    }

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string RootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    // cellXfs: 0 default, 1 bold, 2 date-time, 3 money without decimals, 4 money with 2, 5 money with 3, 6 integer.
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="165" formatCode="#,##0.000"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;
}

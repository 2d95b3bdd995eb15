using Dashboard.Infrastructure.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Dashboard.Tests.Reports;

public sealed class ExportWriterTests
{
    private sealed record Sample(string Text, long Amount, string Currency, DateTime AtUtc, long Count);

    private static readonly IReadOnlyList<ExportColumn<Sample>> Columns =
    [
        ExportColumn<Sample>.Text("Text", s => s.Text),
        ExportColumn<Sample>.Money("Amount", s => s.Amount, s => s.Currency),
        ExportColumn<Sample>.Date("At (UTC)", s => s.AtUtc),
        ExportColumn<Sample>.Integer("Count", s => s.Count),
    ];

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var i in items) { await Task.Yield(); yield return i; }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("FR-100123", "FR-100123")]
    [InlineData("", "")]
    public void Text_that_a_spreadsheet_could_run_is_neutralised(string value, string expected) =>
        Assert.Equal(expected, ExportText.Neutralise(value));

    [Fact]
    public void Money_is_written_with_the_currencys_decimals()
    {
        Assert.Equal("1234.50", ExportText.Major(123_450, "EUR"));
        Assert.Equal("-0.05", ExportText.Major(-5, "EUR"));
        Assert.Equal("12345", ExportText.Major(12_345, "JPY"));
    }

    [Fact]
    public async Task Csv_follows_RFC_4180_keeps_numbers_numeric_and_neutralises_text()
    {
        var rows = new[]
        {
            new Sample("plain", -1_50, "EUR", new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), 3),
            new Sample("a, \"quoted\"\r\nline", 1_000, "JPY", new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), 4),
            new Sample("=1+1", 0, "EUR", new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), 5),
        };
        using var output = new MemoryStream();
        var count = await CsvExportWriter.WriteAsync(output, Columns, Async(rows), byteOrderMark: true, CancellationToken.None);

        Assert.Equal(3, count);
        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "Text,Amount,At (UTC),Count\r\n" +
            "plain,-1.50,2026-03-02 09:30:00,3\r\n" +
            "\"a, \"\"quoted\"\"\r\nline\",1000,2026-03-02 09:30:00,4\r\n" +
            "'=1+1,0.00,2026-03-02 09:30:00,5\r\n", text);
    }

    [Fact]
    public async Task The_workbook_is_valid_typed_and_has_a_frozen_filtered_header()
    {
        var rows = Enumerable.Range(0, 1_000).Select(i => new Sample(i == 0 ? "-danger" : $"row {i}", i * 101, i % 2 == 0 ? "EUR" : "JPY",
            new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc).AddMinutes(i), i));
        var header = new ExportHeader("Transactions", [new("Merchant", "Maison Lumière SARL"), new("Time zone", "Europe/Paris")]);
        using var output = new MemoryStream();
        var count = await XlsxExportWriter.WriteAsync(output, header, Columns, Async(rows), CancellationToken.None);
        Assert.Equal(1_000, count);

        output.Position = 0;
        using var doc = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var data = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        const int headerRow = 5;   // title, 2 lines, blank, column headers
        Assert.Equal(1 + 2 + 1 + 1_000, data.Count);   // the blank row is not written
        Assert.Equal((uint)headerRow, data[3].RowIndex!.Value);
        Assert.Equal("Text", data[3].Elements<Cell>().First().InnerText);
        Assert.Equal($"A{headerRow}:D{headerRow + 1_000}", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);

        var first = data[4].Elements<Cell>().ToList();
        Assert.Equal(CellValues.InlineString, first[0].DataType!.Value);
        Assert.Equal("'-danger", first[0].InnerText);
        Assert.Null(first[1].DataType);   // numeric
        Assert.Equal("0.00", first[1].CellValue!.Text);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0).ToOADate(), double.Parse(first[2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        var second = data[5].Elements<Cell>().ToList();
        Assert.Equal("101", second[1].CellValue!.Text);   // JPY: no decimals
        Assert.NotEqual(first[1].StyleIndex!.Value, second[1].StyleIndex!.Value);
    }
}

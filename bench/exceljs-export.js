// The outside reference for the Excel export benchmark: the same rows through exceljs's streaming WorkbookWriter.
// Usage: node exceljs-export.js <in.csv> <out.xlsx> <kinds>   (kinds: one letter per column, D date, M money, I integer, T text)
// Prints one JSON line: rows, seconds, peak RSS in MB.
'use strict';
const fs = require('fs');
const readline = require('readline');
const ExcelJS = require('exceljs');

async function main() {
  const [input, output, kindList] = process.argv.slice(2);
  const kinds = kindList.split(',');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const started = process.hrtime.bigint();

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Transactions', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lines = readline.createInterface({ input: fs.createReadStream(input, { encoding: 'utf8' }), crlfDelay: Infinity });
  let header = null;
  let rows = 0;
  let pending = '';
  for await (const line of lines) {
    // A quoted field may hold a line break: join lines until the quotes balance.
    pending = pending ? pending + '\n' + line : line;
    if ((pending.match(/"/g) || []).length % 2 === 1) continue;
    const fields = parse(pending);
    pending = '';
    if (!header) {
      header = fields;
      sheet.columns = header.map((h, i) => ({ header: h, key: String(i), width: kinds[i] === 'T' ? 24 : 16 }));
      sheet.getRow(1).font = { bold: true };
      continue;
    }
    const values = fields.map((f, i) => convert(f, kinds[i]));
    const row = sheet.addRow(values);
    kinds.forEach((k, i) => {
      if (k === 'D') row.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      else if (k === 'M') row.getCell(i + 1).numFmt = '#,##0.00';
    });
    row.commit();
    rows++;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: header.length } };
  sheet.commit();
  await workbook.commit();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ rows, seconds, peakRssMb: peak / 1e6, node: process.version }));
}

function convert(field, kind) {
  if (field === '') return null;
  if (kind === 'M' || kind === 'I') return Number(field);
  if (kind === 'D') return new Date(field.replace(' ', 'T') + 'Z');
  return field;
}

// RFC 4180 fields of one record.
function parse(record) {
  const fields = [];
  let i = 0;
  while (i <= record.length) {
    if (record[i] === '"') {
      let value = '';
      i++;
      while (i < record.length) {
        if (record[i] === '"' && record[i + 1] === '"') { value += '"'; i += 2; }
        else if (record[i] === '"') { i++; break; }
        else value += record[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const end = record.indexOf(',', i);
      const stop = end === -1 ? record.length : end;
      fields.push(record.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

main().catch(e => { console.error(e); process.exit(1); });

/** Parsing of the numeric CSV files shipped as datasets (a header row, then numbers only). */
import Papa from "papaparse";

/** A parsed numeric table: `rows[i][j]` is the value of column `columns[j]` in data row i. */
export interface NumericTable {
  columns: string[];
  rows: number[][];
}

/** Why a CSV was rejected, for display; names the line and column when it concerns one cell. */
export interface CsvError {
  error: string;
}

/** Plain decimal numbers, optionally signed and with an exponent (no hex, no "Infinity", no empty cells). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses comma-separated text whose first row is a header of unique,
 * non-empty column names and whose other rows hold one finite number per
 * column. Blank lines are ignored; CRLF or LF line ends both work; cells are
 * trimmed. Returns the table, or `{ error }` naming the first problem with
 * its 1-based line number and column name. Pure: does not throw on bad input.
 */
export function parseNumericCsv(text: string): NumericTable | CsvError {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", header: false });
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) return { error: `line ${(quoteError.row ?? 0) + 1}: ${quoteError.message}` };

  const lines = parsed.data.map((cells, index) => ({ line: index + 1, cells: cells.map((c) => c.trim()) }));
  const nonBlank = lines.filter(({ cells }) => !(cells.length === 1 && cells[0] === ""));
  if (nonBlank.length === 0) return { error: "the file is empty: expected a header row" };

  const [header, ...body] = nonBlank;
  const columns = header.cells;
  const emptyName = columns.findIndex((c) => c === "");
  if (emptyName >= 0) return { error: `line ${header.line}: column ${emptyName + 1} of the header has no name` };
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate !== undefined) return { error: `line ${header.line}: column name "${duplicate}" appears twice` };
  if (body.length === 0) return { error: "no data rows after the header" };

  const rows: number[][] = [];
  for (const { line, cells } of body) {
    if (cells.length !== columns.length) {
      return { error: `line ${line}: expected ${columns.length} values, found ${cells.length}` };
    }
    const row: number[] = [];
    for (let j = 0; j < cells.length; j++) {
      const value = NUMBER.test(cells[j]) ? Number(cells[j]) : Number.NaN;
      if (!Number.isFinite(value)) {
        return { error: `line ${line}, column "${columns[j]}": "${cells[j]}" is not a finite number` };
      }
      row.push(value);
    }
    rows.push(row);
  }
  return { columns, rows };
}

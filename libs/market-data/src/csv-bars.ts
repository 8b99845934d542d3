import Decimal from 'decimal.js';
import type { ImportBar } from '@meridian/contracts';

/**
 * Daily bars from CSV text, for the history import (POST /api/data/import). Pure: the caller
 * feeds bytes or lines and gets bars or the first error; nothing here reads files or sockets.
 *
 * Formats
 * - `yahoo`: Yahoo Finance's download, header `Date,Open,High,Low,Close,Adj Close,Volume`
 *   (Adj Close is ignored: the stored close is the Close column, as written).
 * - `generic`: any CSV with a header row; the caller names the columns holding
 *   date, open, high, low, close and (optionally) volume.
 *
 * Rules (each error names the physical line, 1-based, the header being line 1, and the column)
 * - Header names match ignoring case and surrounding spaces; a missing or repeated column is an error.
 * - Every row has as many fields as the header. Fields may be quoted ("a,b", "say ""hi"""); a quoted
 *   field cannot span lines (bars never need one). Unquoted fields are trimmed of spaces and tabs.
 * - Lines end in LF or CRLF; a UTF-8 byte-order mark is dropped; empty lines are skipped (but counted).
 * - Dates: `YYYY-MM-DD` (the bar starts at UTC midnight of that date), or an ISO 8601 datetime
 *   (`2024-01-02T00:00:00Z`, `2024-01-02 00:00:00-05:00`, ...). With `dates: 'calendar'` (the
 *   default, for daily bars) a datetime counts as the calendar date it is written with: exporters
 *   often stamp daily bars at midnight exchange time, which in UTC would be the day before.
 *   With `dates: 'instant'` the exact instant is kept. Dates must strictly increase row by row.
 * - Prices: plain decimals (`101.25`, `.5`, `1e-3`), kept exactly as written (after trimming);
 *   empty, non-numeric and negative values are errors; High must be the highest of
 *   open/high/low/close and Low the lowest. Volume may be empty (stored as null) but not negative.
 * - Yahoo writes `null` in every value of a day it has no data for. Such a row is an error unless
 *   `skipNullRows` is set, in which case it is skipped and counted in {@link CsvBarParser.skippedNullRows}.
 */

export type CsvFormat = 'yahoo' | 'generic';

/** Header names of the columns that hold each value. */
export interface CsvColumnMapping {
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume?: string;
}

export const YAHOO_COLUMNS: Readonly<Required<CsvColumnMapping>> = { date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' };

export interface CsvBarsOptions {
  format: CsvFormat;
  /** Required for `generic`; ignored for `yahoo`. */
  columns?: CsvColumnMapping;
  /** Skip Yahoo's all-`null` rows instead of refusing the file (default false). */
  skipNullRows?: boolean;
  /** How a datetime becomes the bar time; see the module comment (default 'calendar'). */
  dates?: 'calendar' | 'instant';
}

/** Machine-readable name of the rule a line broke (the key in the API's `details[].rules`). */
export type CsvRule =
  | 'emptyFile' | 'noRows' | 'missingColumn' | 'duplicateColumn' | 'unterminatedQuote' | 'textAfterQuote' | 'lineTooLong'
  | 'fieldCount' | 'empty' | 'notADate' | 'notANumber' | 'negative' | 'nullRow'
  | 'highBelowLow' | 'highBelowOpen' | 'highBelowClose' | 'lowAboveOpen' | 'lowAboveClose'
  | 'duplicateDate' | 'dateNotIncreasing';

export interface CsvRowError {
  line: number;
  /** The header name of the column at fault, or null for the whole line. */
  column: string | null;
  rule: CsvRule;
  /** What is wrong, without the line: "High 101.2 is below Low 103.5". */
  problem: string;
  /** The full sentence: "line 57: High 101.2 is below Low 103.5". */
  message: string;
}

export type CsvLineResult =
  | { kind: 'bar'; bar: ImportBar }
  | { kind: 'header' }
  | { kind: 'skipped'; reason: 'blank' | 'nullRow' }
  | { kind: 'error'; error: CsvRowError };

export function csvRowError(line: number, column: string | null, rule: CsvRule, problem: string): CsvRowError {
  return { line, column, rule, problem, message: `line ${line}: ${problem}` };
}

// ---------------------------------------------------------------------------------------------
// One line into fields

export type CsvFieldsResult = { ok: true; fields: string[] } | { ok: false; rule: 'unterminatedQuote' | 'textAfterQuote'; at: number };

/**
 * Splits one CSV line (without its line break; a trailing CR is dropped) into fields: comma
 * separated, `"` quotes a field, `""` inside quotes is one quote. Unquoted fields are trimmed.
 */
export function parseCsvLine(line: string): CsvFieldsResult {
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (!line.includes('"')) return { ok: true, fields: line.split(',').map(trimField) };
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    // Leading spaces before a quote are allowed: `a, "b"`.
    let j = i;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
    if (line[j] === '"') {
      let value = '';
      let k = j + 1;
      for (;;) {
        const q = line.indexOf('"', k);
        if (q < 0) return { ok: false, rule: 'unterminatedQuote', at: j };
        value += line.slice(k, q);
        if (line[q + 1] === '"') {
          value += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
      fields.push(value);
      if (k === line.length) return { ok: true, fields };
      if (line[k] !== ',') return { ok: false, rule: 'textAfterQuote', at: k };
      i = k + 1;
    } else {
      const comma = line.indexOf(',', i);
      const raw = comma < 0 ? line.slice(i) : line.slice(i, comma);
      if (raw.includes('"')) return { ok: false, rule: 'unterminatedQuote', at: i + raw.indexOf('"') };
      fields.push(trimField(raw));
      if (comma < 0) return { ok: true, fields };
      i = comma + 1;
    }
  }
}

function trimField(s: string): string {
  return s.length && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? s.replace(/^[ \t]+|[ \t]+$/g, '') : s;
}

// ---------------------------------------------------------------------------------------------
// Bytes into lines

/** Thrown by {@link CsvLineSplitter} when a line grows past its limit (a binary file, or no line breaks). */
export class CsvLineTooLongError extends Error {
  constructor(readonly error: CsvRowError) {
    super(error.message);
  }
}

/**
 * Turns chunks of UTF-8 bytes into complete lines, holding at most one partial line (bounded by
 * `maxLineLength`), so a file of any size passes through in constant memory.
 */
export class CsvLineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private carry = '';
  private emitted = 0;
  private first = true;

  constructor(private readonly maxLineLength = 64 * 1024) {}

  push(chunk: Uint8Array): string[] {
    return this.split(this.decoder.decode(chunk, { stream: true }), false);
  }

  /** The last line, if the file does not end with a line break. */
  end(): string[] {
    return this.split(this.decoder.decode(), true);
  }

  private split(text: string, last: boolean): string[] {
    if (this.first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let line = start === 0 && this.carry ? this.carry + text.slice(0, nl) : text.slice(start, nl);
      if (start === 0) this.carry = '';
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.check(line.length);
      lines.push(line);
      this.emitted++;
      start = nl + 1;
    }
    const rest = start === 0 ? this.carry + text : text.slice(start);
    this.carry = rest;
    this.check(rest.length);
    if (last && rest.length) {
      this.carry = '';
      lines.push(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
      this.emitted++;
    }
    return lines;
  }

  private check(length: number): void {
    if (length > this.maxLineLength) {
      const line = this.emitted + 1;
      throw new CsvLineTooLongError(csvRowError(line, null, 'lineTooLong', `the line is longer than ${this.maxLineLength} characters (is this a CSV file with line breaks?)`));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d{1,2})?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Is this a decimal as the importer accepts it (sign allowed; negativity is a separate rule)? */
export function isDecimalText(text: string): boolean {
  return text.length <= 40 && DECIMAL.test(text);
}

/** Exact comparison of two decimal strings: -1, 0 or 1. Fast through doubles; exact through decimal.js on a tie. */
export function compareDecimalText(a: string, b: string): number {
  if (a === b) return 0;
  const x = Number(a);
  const y = Number(b);
  // Rounding to a double is monotone, so a strict order of the doubles is the order of the decimals.
  if (x < y) return -1;
  if (x > y) return 1;
  return new Decimal(a).cmp(new Decimal(b));
}

function isNegative(text: string): boolean {
  return text.startsWith('-') && compareDecimalText(text, '0') < 0;
}

/** A date or ISO datetime as epoch ms; calendar mode keeps the written date at UTC midnight. null when not a date. */
export function parseBarTime(text: string, mode: 'calendar' | 'instant' = 'calendar'): number | null {
  let m = DATE_ONLY.exec(text);
  if (m) return utcDate(+m[1], +m[2], +m[3]);
  m = DATE_TIME.exec(text);
  if (!m) return null;
  const day = utcDate(+m[1], +m[2], +m[3]);
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMin = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  if (mode === 'calendar') return day;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  return day + ((hour * 60 + minute - offsetMin) * 60 + second) * 1000 + ms;
}

function utcDate(y: number, mo: number, d: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC maps years 0–99 to 1900–1999; and rolls 2024-02-30 over to March: both are refused here.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

/** `2024-01-02` for UTC midnight, else the full ISO instant. */
export function formatBarTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

// ---------------------------------------------------------------------------------------------
// Lines into bars

interface ColumnIndexes {
  date: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
}

const PRICE_KEYS = ['open', 'high', 'low', 'close'] as const;

/**
 * Reads a CSV one line at a time: the first non-empty line is the header, every later one a bar.
 * Stateful (line numbers, the previous date), so one parser per file.
 */
export class CsvBarParser {
  private lineNumber = 0;
  private columns: ColumnIndexes | null = null;
  private names: Record<keyof ColumnIndexes, string> = { date: '', open: '', high: '', low: '', close: '', volume: '' };
  private fieldCount = 0;
  private previous: { time: number; line: number } | null = null;
  private readonly mapping: CsvColumnMapping;
  private readonly dates: 'calendar' | 'instant';
  rows = 0;
  skippedNullRows = 0;
  firstTime: number | null = null;
  lastTime: number | null = null;

  constructor(private readonly options: CsvBarsOptions) {
    if (options.format === 'generic' && !options.columns) throw new TypeError('CsvBarParser: the generic format needs a column mapping');
    this.mapping = options.format === 'yahoo' ? YAHOO_COLUMNS : options.columns!;
    this.dates = options.dates ?? 'calendar';
  }

  get headerSeen(): boolean {
    return this.columns !== null;
  }

  /** The number of the line the next call to accept() reads. */
  get nextLine(): number {
    return this.lineNumber + 1;
  }

  /** Reads the next physical line (without its line break). */
  accept(line: string): CsvLineResult {
    const n = ++this.lineNumber;
    if (line.length === 0 || line === '\r') return { kind: 'skipped', reason: 'blank' };
    const parsed = parseCsvLine(line);
    if (!parsed.ok) {
      const problem = parsed.rule === 'unterminatedQuote' ? `a quoted field opened at character ${parsed.at + 1} is not closed` : `text follows a closing quote at character ${parsed.at + 1}`;
      return this.fail(n, null, parsed.rule, problem);
    }
    const fields = parsed.fields;
    if (!this.columns) return this.header(n, fields);
    if (fields.length === 1 && fields[0] === '') return { kind: 'skipped', reason: 'blank' };
    if (fields.length !== this.fieldCount) return this.fail(n, null, 'fieldCount', `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${this.fieldCount}`);
    return this.row(n, fields);
  }

  /** Call after the last line: the error of a file without a header or without rows, else null. */
  finish(): CsvRowError | null {
    if (!this.columns) return csvRowError(Math.max(1, this.lineNumber), null, 'emptyFile', 'the file has no header line');
    if (this.rows === 0) return csvRowError(this.lineNumber, null, 'noRows', 'the file has a header but no rows');
    return null;
  }

  private header(n: number, fields: string[]): CsvLineResult {
    const seen = new Map<string, number>();
    for (let i = 0; i < fields.length; i++) {
      const key = fields[i].trim().toLowerCase();
      if (seen.has(key) && key !== '') return this.fail(n, fields[i], 'duplicateColumn', `the header names column '${fields[i]}' twice`);
      seen.set(key, i);
    }
    const find = (name: string) => seen.get(name.trim().toLowerCase());
    const indexes: Partial<ColumnIndexes> = {};
    for (const key of ['date', ...PRICE_KEYS] as const) {
      const name = this.mapping[key];
      const i = find(name);
      if (i === undefined) return this.fail(n, name, 'missingColumn', `the header has no '${name}' column (it has ${fields.map((f) => `'${f}'`).join(', ')})`);
      indexes[key] = i;
      this.names[key] = fields[i];
    }
    indexes.volume = null;
    if (this.mapping.volume !== undefined) {
      const i = find(this.mapping.volume);
      // Yahoo always has Volume; a generic mapping that names one must find it.
      if (i === undefined) return this.fail(n, this.mapping.volume, 'missingColumn', `the header has no '${this.mapping.volume}' column (it has ${fields.map((f) => `'${f}'`).join(', ')})`);
      indexes.volume = i;
      this.names.volume = fields[i];
    }
    this.columns = indexes as ColumnIndexes;
    this.fieldCount = fields.length;
    return { kind: 'header' };
  }

  private row(n: number, f: string[]): CsvLineResult {
    const c = this.columns!;
    const names = this.names;
    if (this.isNullRow(f)) {
      if (this.options.skipNullRows) {
        this.skippedNullRows++;
        return { kind: 'skipped', reason: 'nullRow' };
      }
      return this.fail(n, null, 'nullRow', 'every value is null (Yahoo\'s placeholder for a day without data); remove the row or import with skipNullRows=true');
    }
    const dateText = f[c.date];
    if (dateText === '') return this.fail(n, names.date, 'empty', `${names.date} is empty`);
    const time = parseBarTime(dateText, this.dates);
    if (time === null) return this.fail(n, names.date, 'notADate', `${names.date} '${dateText}' is not a date`);
    const prices = { open: '', high: '', low: '', close: '' };
    for (const key of PRICE_KEYS) {
      const text = f[c[key]];
      const name = names[key];
      if (text === '') return this.fail(n, name, 'empty', `${name} is empty`);
      if (!isDecimalText(text)) return this.fail(n, name, 'notANumber', `${name} '${text}' is not a number`);
      if (isNegative(text)) return this.fail(n, name, 'negative', `${name} ${text} is negative`);
      prices[key] = text;
    }
    let volume: string | null = null;
    if (c.volume !== null) {
      const text = f[c.volume];
      if (text !== '') {
        if (!isDecimalText(text)) return this.fail(n, names.volume, 'notANumber', `${names.volume} '${text}' is not a number`);
        if (isNegative(text)) return this.fail(n, names.volume, 'negative', `${names.volume} ${text} is negative`);
        volume = text;
      }
    }
    const { open, high, low, close } = prices;
    if (compareDecimalText(high, low) < 0) return this.fail(n, names.high, 'highBelowLow', `${names.high} ${high} is below ${names.low} ${low}`);
    if (compareDecimalText(high, open) < 0) return this.fail(n, names.high, 'highBelowOpen', `${names.high} ${high} is below ${names.open} ${open}`);
    if (compareDecimalText(high, close) < 0) return this.fail(n, names.high, 'highBelowClose', `${names.high} ${high} is below ${names.close} ${close}`);
    if (compareDecimalText(low, open) > 0) return this.fail(n, names.low, 'lowAboveOpen', `${names.low} ${low} is above ${names.open} ${open}`);
    if (compareDecimalText(low, close) > 0) return this.fail(n, names.low, 'lowAboveClose', `${names.low} ${low} is above ${names.close} ${close}`);
    const prev = this.previous;
    if (prev) {
      if (time === prev.time) return this.fail(n, names.date, 'duplicateDate', `${names.date} ${formatBarTime(time)} repeats line ${prev.line}`);
      if (time < prev.time) {
        return this.fail(n, names.date, 'dateNotIncreasing', `${names.date} ${formatBarTime(time)} is before ${formatBarTime(prev.time)} on line ${prev.line} (dates must increase)`);
      }
    }
    this.previous = { time, line: n };
    this.rows++;
    this.firstTime ??= time;
    this.lastTime = time;
    return { kind: 'bar', bar: { time, open, high, low, close, volume, line: n } };
  }

  private isNullRow(f: string[]): boolean {
    const c = this.columns!;
    for (const i of [c.open, c.high, c.low, c.close]) if (f[i].toLowerCase() !== 'null') return false;
    return c.volume === null || f[c.volume].toLowerCase() === 'null' || f[c.volume] === '';
  }

  private fail(n: number, column: string | null, rule: CsvRule, problem: string): CsvLineResult {
    return { kind: 'error', error: csvRowError(n, column, rule, problem) };
  }
}

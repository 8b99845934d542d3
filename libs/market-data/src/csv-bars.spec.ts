import {
  compareDecimalText, CsvBarParser, CsvLineSplitter, CsvLineTooLongError, parseBarTime, parseCsvLine, type CsvBarsOptions, type CsvLineResult,
} from './csv-bars';

const YAHOO_HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

/** Feeds the lines to a new parser; returns the bars, or the first error's message. */
function run(lines: string[], options: CsvBarsOptions = { format: 'yahoo' }) {
  const parser = new CsvBarParser(options);
  const results: CsvLineResult[] = [];
  for (const line of lines) {
    const r = parser.accept(line);
    results.push(r);
    if (r.kind === 'error') return { parser, error: r.error, bars: [] };
  }
  const end = parser.finish();
  if (end) return { parser, error: end, bars: [] };
  return { parser, error: null, bars: results.flatMap((r) => (r.kind === 'bar' ? [r.bar] : [])) };
}

describe('parseCsvLine', () => {
  it('splits a plain line on commas', () => {
    expect(parseCsvLine('2024-01-02,1,2,0.5,1.5,1.5,100')).toEqual({ ok: true, fields: ['2024-01-02', '1', '2', '0.5', '1.5', '1.5', '100'] });
  });

  it('drops a trailing CR so CRLF files read like LF ones', () => {
    expect(parseCsvLine('a,b\r')).toEqual({ ok: true, fields: ['a', 'b'] });
  });

  it('reads quoted fields with commas and doubled quotes inside', () => {
    expect(parseCsvLine('"2024-01-02","1,5","say ""hi""",x')).toEqual({ ok: true, fields: ['2024-01-02', '1,5', 'say "hi"', 'x'] });
  });

  it('keeps empty fields, quoted or not', () => {
    expect(parseCsvLine(',"",a,')).toEqual({ ok: true, fields: ['', '', 'a', ''] });
  });

  it('trims spaces around unquoted fields and around quotes', () => {
    expect(parseCsvLine(' a , "b" ,c')).toEqual({ ok: true, fields: ['a', 'b', 'c'] });
  });

  it('refuses a quote that is never closed', () => {
    expect(parseCsvLine('a,"b,c')).toMatchObject({ ok: false, rule: 'unterminatedQuote' });
  });

  it('refuses text after a closing quote', () => {
    expect(parseCsvLine('"a"b,c')).toMatchObject({ ok: false, rule: 'textAfterQuote' });
  });

  it('refuses a stray quote inside an unquoted field', () => {
    expect(parseCsvLine('a,b"c')).toMatchObject({ ok: false, rule: 'unterminatedQuote' });
  });
});

describe('CsvLineSplitter', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('joins lines split across chunks and handles CRLF', () => {
    const s = new CsvLineSplitter();
    expect([...s.push(bytes('a,b\r\nc,')), ...s.push(bytes('d\r\ne')), ...s.push(bytes(',f\n')), ...s.end()]).toEqual(['a,b', 'c,d', 'e,f']);
  });

  it('returns the last line when the file does not end with a line break', () => {
    const s = new CsvLineSplitter();
    expect([...s.push(bytes('a\nb')), ...s.end()]).toEqual(['a', 'b']);
  });

  it('decodes a multi-byte character split between two chunks', () => {
    const s = new CsvLineSplitter();
    const all = bytes('Dätum\n');
    expect([...s.push(all.subarray(0, 2)), ...s.push(all.subarray(2)), ...s.end()]).toEqual(['Dätum']);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const s = new CsvLineSplitter();
    expect([...s.push(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])), ...s.end()]).toEqual(['a']);
  });

  it('refuses a line longer than its limit, naming the line, without holding more than that', () => {
    const s = new CsvLineSplitter(10);
    s.push(bytes('ok\n'));
    expect(() => s.push(bytes('x'.repeat(11)))).toThrow(CsvLineTooLongError);
    let caught: unknown = null;
    try {
      new CsvLineSplitter(10).push(bytes('a\nb\n' + 'y'.repeat(20)));
    } catch (err) {
      caught = err;
    }
    expect((caught as CsvLineTooLongError).error).toMatchObject({ line: 3, rule: 'lineTooLong' });
  });
});

describe('parseBarTime', () => {
  it('reads YYYY-MM-DD as UTC midnight', () => {
    expect(parseBarTime('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
  });

  it('refuses impossible dates', () => {
    for (const bad of ['2024-13-01', '2023-02-29', '2024-00-10', '2024-04-31', '24-01-01', '01/02/2024', '2024-1-2', '']) expect(parseBarTime(bad)).toBeNull();
    expect(parseBarTime('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('reads an ISO datetime as its written calendar date in calendar mode', () => {
    expect(parseBarTime('2024-01-02T00:00:00-05:00')).toBe(Date.UTC(2024, 0, 2));
    expect(parseBarTime('2024-01-02 00:00:00+09:00')).toBe(Date.UTC(2024, 0, 2));
    expect(parseBarTime('2024-01-02T16:30:00Z')).toBe(Date.UTC(2024, 0, 2));
  });

  it('reads an ISO datetime as its exact instant in instant mode', () => {
    expect(parseBarTime('2024-01-02T00:00:00-05:00', 'instant')).toBe(Date.UTC(2024, 0, 2, 5));
    expect(parseBarTime('2024-01-02T10:15:30.250Z', 'instant')).toBe(Date.UTC(2024, 0, 2, 10, 15, 30, 250));
    expect(parseBarTime('2024-01-02T10:15', 'instant')).toBe(Date.UTC(2024, 0, 2, 10, 15));
  });

  it('refuses datetimes with impossible times or zones', () => {
    for (const bad of ['2024-01-02T24:00:00Z', '2024-01-02T10:60', '2024-01-02T10:00:00+25:00', '2024-01-02T10:00:00 UTC']) expect(parseBarTime(bad)).toBeNull();
  });
});

describe('compareDecimalText', () => {
  it('orders decimals exactly, even where doubles cannot tell them apart', () => {
    expect(compareDecimalText('101.2', '103.5')).toBe(-1);
    expect(compareDecimalText('1.50', '1.5')).toBe(0);
    expect(compareDecimalText('0.10000000000000000001', '0.1')).toBe(1);
    expect(compareDecimalText('1e2', '100.0')).toBe(0);
  });
});

describe('CsvBarParser with Yahoo Finance files', () => {
  it('reads bars with prices exactly as written and the time at UTC midnight', () => {
    const { error, bars, parser } = run([YAHOO_HEADER, '2024-01-02,472.160004,473.670013,470.489990,472.649994,465.700012,123623700', '2024-01-03,470.429993,471.190002,468.170013,468.790009,461.896667,103585900']);
    expect(error).toBeNull();
    expect(bars).toEqual([
      { time: Date.UTC(2024, 0, 2), open: '472.160004', high: '473.670013', low: '470.489990', close: '472.649994', volume: '123623700', line: 2 },
      { time: Date.UTC(2024, 0, 3), open: '470.429993', high: '471.190002', low: '468.170013', close: '468.790009', volume: '103585900', line: 3 },
    ]);
    expect(parser.rows).toBe(2);
    expect([parser.firstTime, parser.lastTime]).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)]);
  });

  it('finds the columns whatever their order and case, and accepts CRLF and quoted values', () => {
    const { error, bars } = run(['"volume","close","low","HIGH","open","date"\r', '"1,000",2,1,3,1.5,"2024-05-06"\r'.replace('"1,000"', '1000')]);
    expect(error).toBeNull();
    expect(bars[0]).toMatchObject({ open: '1.5', high: '3', low: '1', close: '2', volume: '1000', line: 2 });
  });

  it('skips blank lines but keeps counting them for line numbers', () => {
    const { error } = run([YAHOO_HEADER, '', '2024-01-02,1,2,1,1,1,10', '', '2024-01-03,1,2,3,1,1,10']);
    expect(error).toMatchObject({ line: 5, rule: 'highBelowLow' });
  });

  it('names the line and both columns when High is below Low', () => {
    const lines = [YAHOO_HEADER];
    for (let i = 0; i < 55; i++) lines.push(`${new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)},102,104,101,103,103,1000`);
    lines.push('2020-02-25,102,101.2,103.5,102,102,1000');
    expect(run(lines).error).toEqual({ line: 57, column: 'High', rule: 'highBelowLow', problem: 'High 101.2 is below Low 103.5', message: 'line 57: High 101.2 is below Low 103.5' });
  });

  it('refuses a date that is not a date', () => {
    const lines = [YAHOO_HEADER, ...Array.from({ length: 7 }, (_, i) => `2024-01-0${i + 1},1,1,1,1,1,1`), '2024-13-01,1,1,1,1,1,1'];
    expect(run(lines).error?.message).toBe("line 9: Date '2024-13-01' is not a date");
  });

  it('refuses an empty price', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,1,2,1,,1,10']).error).toMatchObject({ message: 'line 2: Close is empty', column: 'Close', rule: 'empty' });
  });

  it('refuses a non-numeric price', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,1,2,abc,1,1,10']).error?.message).toBe("line 2: Low 'abc' is not a number");
    expect(run([YAHOO_HEADER, '2024-01-02,1,2,1,1.2.3,1,10']).error?.rule).toBe('notANumber');
    expect(run([YAHOO_HEADER, '2024-01-02,NaN,2,1,1,1,10']).error?.rule).toBe('notANumber');
  });

  it('refuses a negative price and a negative volume', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,1,2,-1,1,1,10']).error).toMatchObject({ message: 'line 2: Low -1 is negative', rule: 'negative' });
    expect(run([YAHOO_HEADER, '2024-01-02,1,2,1,1,1,-10']).error).toMatchObject({ column: 'Volume', rule: 'negative' });
  });

  it('refuses a High below Open or Close and a Low above Open or Close', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,3,2,1,1,1,10']).error?.rule).toBe('highBelowOpen');
    expect(run([YAHOO_HEADER, '2024-01-02,1,2,1,3,1,10']).error?.rule).toBe('highBelowClose');
    expect(run([YAHOO_HEADER, '2024-01-02,1,3,1.5,2,1,10']).error?.rule).toBe('lowAboveOpen');
    expect(run([YAHOO_HEADER, '2024-01-02,2,3,1.5,1,1,10']).error?.message).toBe('line 2: Low 1.5 is above Close 1');
  });

  it('refuses a repeated date, naming the line it repeats', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,1,1,1,1,1,1', '2024-01-02,1,1,1,1,1,1']).error).toMatchObject({ message: 'line 3: Date 2024-01-02 repeats line 2', rule: 'duplicateDate' });
  });

  it('refuses dates that go backwards', () => {
    expect(run([YAHOO_HEADER, '2024-01-03,1,1,1,1,1,1', '2024-01-02,1,1,1,1,1,1']).error).toMatchObject({
      message: 'line 3: Date 2024-01-02 is before 2024-01-03 on line 2 (dates must increase)', rule: 'dateNotIncreasing',
    });
  });

  it("refuses Yahoo's all-null rows by default", () => {
    expect(run([YAHOO_HEADER, '2024-01-02,null,null,null,null,null,null']).error).toMatchObject({ line: 2, rule: 'nullRow' });
  });

  it('skips all-null rows and counts them when skipNullRows is set', () => {
    const { error, bars, parser } = run([YAHOO_HEADER, '2024-01-02,null,null,null,null,null,null', '2024-01-03,1,1,1,1,1,1'], { format: 'yahoo', skipNullRows: true });
    expect(error).toBeNull();
    expect(bars.map((b) => b.line)).toEqual([3]);
    expect(parser.skippedNullRows).toBe(1);
  });

  it('refuses a row whose field count differs from the header', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,1,1,1,1,1']).error?.message).toBe('line 2: has 6 fields where the header has 7');
  });

  it('refuses a header without a required column, naming it', () => {
    expect(run(['Date,Open,High,Low,Adj Close,Volume', '2024-01-02,1,1,1,1,1']).error).toMatchObject({ line: 1, column: 'Close', rule: 'missingColumn' });
  });

  it('refuses a header that names a column twice', () => {
    expect(run(['Date,Open,High,Low,Close,close,Volume']).error?.rule).toBe('duplicateColumn');
  });

  it('refuses an unterminated quote, naming the line', () => {
    expect(run([YAHOO_HEADER, '"2024-01-02,1,1,1,1,1,1']).error).toMatchObject({ line: 2, rule: 'unterminatedQuote' });
  });

  it('refuses an empty file and a file with only a header', () => {
    expect(run([]).error?.rule).toBe('emptyFile');
    expect(run([YAHOO_HEADER, '']).error).toMatchObject({ rule: 'noRows', message: 'line 2: the file has a header but no rows' });
  });

  it('stores an empty volume as null', () => {
    expect(run([YAHOO_HEADER, '2024-01-02,1,1,1,1,1,']).bars[0].volume).toBeNull();
  });
});

describe('CsvBarParser with a generic CSV and a column mapping', () => {
  const columns = { date: 'timestamp', open: 'o', high: 'h', low: 'l', close: 'c' };

  it('reads the mapped columns and ignores the others; volume is null without a mapping', () => {
    const { error, bars } = run(['symbol,timestamp,o,h,l,c,notes', 'X,2024-01-02T00:00:00Z,1.5,2,1,1.75,"fine, thanks"'], { format: 'generic', columns });
    expect(error).toBeNull();
    expect(bars).toEqual([{ time: Date.UTC(2024, 0, 2), open: '1.5', high: '2', low: '1', close: '1.75', volume: null, line: 2 }]);
  });

  it('names the mapped column in errors as the header writes it', () => {
    expect(run(['timestamp,o,h,l,c', '2024-01-02,1,0.5,1,1'], { format: 'generic', columns }).error?.message).toBe('line 2: h 0.5 is below l 1');
  });

  it('refuses a mapping whose volume column is missing from the header', () => {
    expect(run(['timestamp,o,h,l,c', '2024-01-02,1,1,1,1'], { format: 'generic', columns: { ...columns, volume: 'v' } }).error).toMatchObject({ line: 1, column: 'v', rule: 'missingColumn' });
  });

  it('needs a mapping', () => {
    expect(() => new CsvBarParser({ format: 'generic' })).toThrow(/column mapping/);
  });
});

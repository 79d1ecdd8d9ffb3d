import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../src/ledger/inventory/csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Mug, blue')).toBe('"Mug, blue"');
    expect(csvCell('12" frame')).toBe('"12"" frame"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses spreadsheet formulas in text cells', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('|calc')).toBe("'|calc");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
  });

  it('writes a header and CRLF rows', () => {
    expect(
      toCsv(
        ['SKU', '库存'],
        [
          ['A-1', 3],
          ['B,2', null],
        ],
      ),
    ).toBe('SKU,库存\r\nA-1,3\r\n"B,2",\r\n');
  });
});

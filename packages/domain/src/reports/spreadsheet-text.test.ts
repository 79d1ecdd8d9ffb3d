import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, spreadsheetSafeText } from './spreadsheet-text';

describe('spreadsheetSafeText and csvCell (formula injection neutralised)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+SUM(1,2)', "'+SUM(1,2)"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['|calc', "'|calc"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['Mug = blue', 'Mug = blue'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(spreadsheetSafeText(input)).toBe(expected);
    expect(looksLikeFormula(input)).toBe(expected !== input);
  });

  it('quotes after neutralising, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1,2')).toBe(`"'+1,2"`);
    expect(csvCell('|cmd')).toBe("'|cmd");
    expect(csvCell('Mug, blue')).toBe('"Mug, blue"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

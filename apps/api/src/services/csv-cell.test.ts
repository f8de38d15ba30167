import { expect, it } from 'vitest';
import { csvCell } from './csv-cell.js';

it('quotes cells that need it (RFC 4180) and defuses spreadsheet formulas', () => {
  expect(csvCell('plain')).toBe('plain');
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
  expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
  expect(csvCell('+1')).toBe("'+1");
  expect(csvCell('-1,5')).toBe(`"'-1,5"`);
  expect(csvCell('@cmd')).toBe("'@cmd");
});

import { describe, expect, it } from 'vitest';
import { parseInline, parseNote } from './note-markdown';

describe('parseNote', () => {
  it('keeps line breaks within a paragraph and splits paragraphs on blank lines', () => {
    expect(parseNote('one\ntwo\n\nthree')).toEqual([
      { type: 'p', lines: [{ type: 'text', text: 'one' }, { type: 'br' }, { type: 'text', text: 'two' }] },
      { type: 'p', lines: [{ type: 'text', text: 'three' }] },
    ]);
  });

  it('reads "- " lines as a list', () => {
    expect(parseNote('- a\n- **b**')).toEqual([{ type: 'ul', items: [[{ type: 'text', text: 'a' }], [{ type: 'strong', text: 'b' }]] }]);
  });

  it('never turns HTML into markup: it stays text', () => {
    expect(parseNote('<img src=x onerror=alert(1)>')).toEqual([{ type: 'p', lines: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('parseInline', () => {
  it('reads bold, italic, code and mentions (without a trailing full stop)', () => {
    expect(parseInline('**Check** *sleeve* `VG+` for @DanaAdmin.')).toEqual([
      { type: 'strong', text: 'Check' },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'sleeve' },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'VG+' },
      { type: 'text', text: ' for ' },
      { type: 'mention', text: '@DanaAdmin' },
      { type: 'text', text: '.' },
    ]);
  });

  it('links only http(s) and mailto targets', () => {
    expect(parseInline('[ok](https://discogs.com/x)')).toEqual([{ type: 'link', text: 'ok', href: 'https://discogs.com/x' }]);
    expect(parseInline('[bad](javascript:alert(1))')[0]).toEqual({ type: 'text', text: '[bad](javascript:alert(1)' });
  });

  it('does not read an e-mail address as a mention', () => {
    expect(parseInline('mail dana@example.com')).toEqual([{ type: 'text', text: 'mail dana@example.com' }]);
  });
});

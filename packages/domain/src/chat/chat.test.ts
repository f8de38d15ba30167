import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './links.js';
import { isContactNumber, maskContactDetails, maskedEmail, maskedPhone, type PhoneNumberFinder, type PhoneNumberInText } from './mask-contacts.js';
import { applyContactPolicy, CHAT_EDIT_WINDOW_MS, decideDelete, decideEdit, renderCannedReply, unknownCannedVariables, type MessageFacts } from './rules.js';
import { chatSendSchema } from './schemas.js';

describe('maskContactDetails', () => {
  // The parser is the API's (libphonenumber); here a finder reports what it would, so the rule is
  // tested on its own: which numbers are contact details, and how spans become masks.
  const finder = (found: PhoneNumberInText[]): PhoneNumberFinder => () => found;
  const at = (text: string, part: string, written: PhoneNumberInText['written']): PhoneNumberInText => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, written });
  const none = finder([]);

  it.each([
    ['mail me at jane.doe+lp@example.co.uk please', `mail me at ${maskedEmail} please`],
    ['jane (at) example (dot) com', maskedEmail],
    ['jane [at] example [dot] com', maskedEmail],
    ['jane at example dot com', maskedEmail],
  ])('masks the email in %j', (input, expected) => {
    expect(maskContactDetails(input, none).text).toBe(expected);
  });

  it('masks numbers written internationally or as dialled at home, and leaves references the parser could only read with a prefix added', () => {
    const text = 'call +49 170 1234567 (1207154404) or 0170 1234567, order 1207154424';
    const found = [at(text, '+49 170 1234567', 'international'), at(text, '1207154404', 'other'), at(text, '0170 1234567', 'national'), at(text, '1207154424', 'other')];
    expect(maskContactDetails(text, finder(found))).toEqual({ text: `call ${maskedPhone} (1207154404) or ${maskedPhone}, order 1207154424`, emails: 0, phones: 2 });
    expect(found.map(isContactNumber)).toEqual([true, false, true, false]);
  });

  it('masks overlapping finds once (several countries read the same number)', () => {
    const text = 'ring +1-415-555-2671 ext. 12 today';
    const found = [at(text, '+1-415-555-2671 ext. 12', 'international'), at(text, '+1-415-555-2671', 'international'), at(text, '415-555-2671', 'national')];
    expect(maskContactDetails(text, finder(found))).toEqual({ text: `ring ${maskedPhone} today`, emails: 0, phones: 1 });
  });

  it('looks for numbers after the emails are masked', () => {
    const seen: string[] = [];
    maskContactDetails('a@b.de or 030 12345678', (text) => {
      seen.push(text);
      return [];
    });
    expect(seen).toEqual([`${maskedEmail} or 030 12345678`]);
  });

  it.each(['Let me look at this dot pattern', 'Side A has 6 tracks', 'Pressed 1972, reissued 1985'])('leaves %j alone', (input) => {
    const result = maskContactDetails(input, none);
    expect(result.text).toBe(input);
    expect(result.emails + result.phones).toBe(0);
  });

  it('applies only to pre-sale threads', () => {
    const text = 'a@b.de 0170 1234567';
    const found: PhoneNumberFinder = (masked) => [at(masked, '0170 1234567', 'national')];
    expect(applyContactPolicy('presale', text, found).text).toBe(`${maskedEmail} ${maskedPhone}`);
    expect(applyContactPolicy('order', text, found).text).toBe(text);
  });
});

describe('linkify', () => {
  it('turns http(s) and www links into safe links and keeps trailing punctuation as text', () => {
    expect(linkify('See https://example.com/a?b=1. And www.discogs.com!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. And ' },
      { kind: 'link', text: 'www.discogs.com', href: 'https://www.discogs.com/' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never links other schemes and keeps markup as text', () => {
    expect(linkify('javascript:alert(1) <script>x</script> data:text/html,hi')).toEqual([{ kind: 'text', text: 'javascript:alert(1) <script>x</script> data:text/html,hi' }]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://user:pw@example.com')).toBeNull();
    expect(linkify('')).toEqual([]);
  });
});

describe('message edits and deletes', () => {
  const message: MessageFacts = { authorId: 'u1', kind: 'text', createdAtMs: 1_000_000, deleted: false, hidden: false };
  it('lets the author edit within five minutes', () => {
    expect(decideEdit(message, 'u1', 1_000_000 + CHAT_EDIT_WINDOW_MS)).toEqual({ ok: true });
    expect(decideEdit(message, 'u1', 1_000_001 + CHAT_EDIT_WINDOW_MS)).toEqual({ ok: false, reason: 'EDIT_WINDOW_CLOSED' });
    expect(decideEdit(message, 'u2', 1_000_000)).toEqual({ ok: false, reason: 'NOT_AUTHOR' });
  });
  it('lets the author delete at any time, once', () => {
    expect(decideDelete(message, 'u1')).toEqual({ ok: true });
    expect(decideDelete({ ...message, deleted: true }, 'u1')).toEqual({ ok: false, reason: 'DELETED' });
    expect(decideDelete({ ...message, hidden: true }, 'u1')).toEqual({ ok: false, reason: 'HIDDEN' });
    expect(decideDelete({ ...message, kind: 'system', authorId: null }, 'u1')).toEqual({ ok: false, reason: 'SYSTEM' });
  });
});

describe('canned replies', () => {
  it('fills known variables and names unknown ones', () => {
    expect(renderCannedReply('Hi {buyer_name}, about {order_number}: {seller_name} will ship.', { buyer_name: 'Bea', order_number: 'MD-000042', seller_name: 'Vinyl Vera' })).toBe('Hi Bea, about MD-000042: Vinyl Vera will ship.');
    expect(renderCannedReply('Hi {buyer_name}, re {order_number} {unknown}', { buyer_name: '', order_number: null })).toBe('Hi there, re your order {unknown}');
    expect(unknownCannedVariables('{buyer_name} {oops} {oops} {order_number}')).toEqual(['oops']);
  });
});

describe('chatSendSchema', () => {
  const base = { threadId: '7b0e4a52-1c1f-4b7a-9a51-0d1c2e3f4a5b', clientId: '8b0e4a52-1c1f-4b7a-9a51-0d1c2e3f4a5b' };
  it('needs text, a file or a canned reply', () => {
    expect(chatSendSchema.safeParse({ ...base, body: '   ' }).success).toBe(false);
    expect(chatSendSchema.safeParse({ ...base, body: ' hi ' }).data?.body).toBe('hi');
    expect(chatSendSchema.safeParse({ ...base, attachmentIds: [base.threadId] }).success).toBe(true);
  });
});

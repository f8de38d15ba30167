import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './links.js';
import { maskContactDetails, maskedEmail, maskedPhone } from './mask-contacts.js';
import { applyContactPolicy, CHAT_EDIT_WINDOW_MS, decideDelete, decideEdit, renderCannedReply, unknownCannedVariables, type MessageFacts } from './rules.js';
import { chatSendSchema } from './schemas.js';

describe('maskContactDetails', () => {
  it.each([
    ['mail me at jane.doe+lp@example.co.uk please', `mail me at ${maskedEmail} please`],
    ['jane (at) example (dot) com', maskedEmail],
    ['jane [at] example [dot] com', maskedEmail],
    ['jane at example dot com', maskedEmail],
    ['call +49 171 1234567 today', `call ${maskedPhone} today`],
    ['call 0171-123 45 67', `call ${maskedPhone}`],
    ['(030) 1234 5678', maskedPhone],
    ['+1 555 123 4567.', `${maskedPhone}.`],
    ['0049 30 1234567', maskedPhone],
  ])('masks %j', (input, expected) => {
    expect(maskContactDetails(input).text).toBe(expected);
  });

  it.each([
    'Pressed 1972, reissued 1985',
    'It is 25.00 plus 4.95 shipping',
    'Catalogue SRX 1234, matrix A1/B2',
    'Recorded 1968-1972 in London',
    'Shipped on 12.03.2024',
    'Let me look at this dot pattern',
    'Side A has 6 tracks',
  ])('leaves %j alone', (input) => {
    const result = maskContactDetails(input);
    expect(result.text).toBe(input);
    expect(result.emails + result.phones).toBe(0);
  });

  it('counts what it masked', () => {
    expect(maskContactDetails('a@b.de or c@d.com, or ring 030 12345678')).toMatchObject({ emails: 2, phones: 1 });
  });

  it('applies only to pre-sale threads', () => {
    expect(applyContactPolicy('presale', 'a@b.de').text).toBe(maskedEmail);
    expect(applyContactPolicy('order', 'a@b.de').text).toBe('a@b.de');
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

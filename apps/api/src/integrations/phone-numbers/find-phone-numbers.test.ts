// Pre-sale masking as the API applies it: the domain's rule with libphonenumber finding the numbers.
import { maskContactDetails, maskedEmail, maskedPhone } from '@marketdesk/domain';
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from './find-phone-numbers.js';

const mask = (text: string) => maskContactDetails(text, findPhoneNumbers);

describe('phone numbers in pre-sale chat', () => {
  it.each([
    // International, with + or an international call prefix.
    ['+49 170 1234567', maskedPhone],
    ['call +49 171 1234567 today', `call ${maskedPhone} today`],
    ['+44 20 7946 0958', maskedPhone],
    ['+1 415 555 2671.', `${maskedPhone}.`],
    ['0049 30 1234567', maskedPhone],
    ['+49 (0)170 1234567', maskedPhone],
    ['+491701234567', maskedPhone],
    ['011 49 170 1234567', maskedPhone],
    // National, written as dialled in a country we ship to (German trunk prefix, US area code).
    ['0170 1234567', maskedPhone],
    ['call 0171-123 45 67', `call ${maskedPhone}`],
    ['(030) 1234 5678', maskedPhone],
    ['0170/1234567', maskedPhone],
    ['020 7946 0958', maskedPhone],
    ['06 12 34 56 78', maskedPhone],
    ['(415) 555-2671', maskedPhone],
    ['1-415-555-2671', maskedPhone],
    // Extensions go with the number.
    ['+1-415-555-2671 ext. 12', maskedPhone],
    ['(415) 555-2671 ext. 12', maskedPhone],
    ['ring +49 30 1234567 x 89, thanks', `ring ${maskedPhone}, thanks`],
  ])('masks %j', (input, expected) => {
    const result = mask(input);
    expect(result.text).toBe(expected);
    expect(result.phones).toBeGreaterThan(0);
  });

  it.each([
    // The walk-through's message: the number was delivered whole because of the reference after it.
    ['+49 170 1234567 (1207154404)', `${maskedPhone} (1207154404)`],
    ['+49 170 1234567 1207154404', `${maskedPhone} 1207154404`],
    ['+49 170 1234567, 1207154404', `${maskedPhone}, 1207154404`],
    ['+491701234567 1207154404', `${maskedPhone} 1207154404`],
    ['0170 1234567 1207154404', `${maskedPhone} 1207154404`],
    ['ref 1207154404 or 0170 1234567', `ref 1207154404 or ${maskedPhone}`],
    ['+44 20 7946 0958 2024', `${maskedPhone} 2024`],
  ])('masks the number and keeps the digits after it: %j', (input, expected) => {
    expect(mask(input).text).toBe(expected);
  });

  it.each([
    '[1207154424]',
    'order 1207154424',
    'Your order MD-004217 is on its way',
    'From submission cf6e4f0b.',
    'order id 20485731',
    'DHL tracking 00340434161094042557',
    'UPS 1Z999AA10123456784',
    'Tracking JJD014600003828173212',
    'FedEx 123456789012',
    'It is €1,234.56 with shipping',
    'It is 25.00 plus 4.95 shipping',
    'Pressed 1971, reissued 1985',
    'Recorded 1968-1972 in London',
    'Shipped on 12.03.2024',
    'Catalogue SRX 1234, matrix A1/B2',
    'Barcode 5099902987323',
    'Side A has 6 tracks',
  ])('leaves %j alone', (input) => {
    const result = mask(input);
    expect(result.text).toBe(input);
    expect(result.phones).toBe(0);
  });

  it('masks emails and numbers together and counts each', () => {
    expect(mask('a@b.de or c@d.com, or ring 030 12345678')).toEqual({ text: `${maskedEmail} or ${maskedEmail}, or ring ${maskedPhone}`, emails: 2, phones: 1 });
  });
});

// Where the phone numbers are in a chat message, read with libphonenumber's numbering plans
// (libphonenumber-js, "max" metadata: full validity patterns, not just lengths). The domain's
// contact masking (packages/domain/src/chat/mask-contacts.ts) decides which of them to hide; this
// adapter only reports each valid number, where it is and how it was written.
//
// National numbers are read as numbers of the countries we ship to (the tax table's list): buyers
// and sellers there write their own numbers without a country code. Two passes:
//  1. libphonenumber's own text matcher, per country (it knows extensions, "(0)", brackets);
//  2. runs of digit groups the matcher gave up on because other digits follow the number
//     ("+49 170 1234567 1207154404" is one long run to it): the longest leading groups that form a
//     valid number, from each group on.
import { isContactNumber, shippingCountries, type PhoneNumberFinder, type PhoneNumberInText } from '@marketdesk/domain';
import { findPhoneNumbersInText, Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

const regions = shippingCountries().map((c) => c.code as CountryCode);

/** The international call prefix dialled from each region (00 in Europe, 011 in the US). */
const iddPrefixes = new Map(
  regions.map((region) => {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(region);
    return [region, metadata.numberingPlan?.IDDPrefix() ?? ''];
  }),
);

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** How the digits of `raw` (extension left out) relate to the number a parser read with `region` as the default. */
function writtenAs(raw: string, number: PhoneNumber, region: CountryCode): PhoneNumberInText['written'] {
  if (/^[\s([]*\+/.test(raw)) return 'international';
  const all = digitsOf(raw);
  const digits = number.ext && all.endsWith(number.ext) ? all.slice(0, -number.ext.length) : all;
  // Formatted without the extension (formats append it).
  const bare = parsePhoneNumberFromString(number.number) ?? number;
  const national = digitsOf(bare.formatNational());
  const idd = iddPrefixes.get(region) ?? '';
  // "0049 30 1234567", and "0049 (0)30 1234567" with the trunk prefix kept in brackets.
  if (digits === idd + number.countryCallingCode + number.nationalNumber || digits === idd + number.countryCallingCode + national) return 'international';
  // As dialled from inside the region: the national format (0170 1234567, (415) 555-2671), or
  // the region's own dial string for it (1 415 555 2671).
  if (digits === national || digits === digitsOf(bare.format('IDD', { fromCountry: region }))) return 'national';
  return 'other';
}

/**
 * The matcher reads a comma or a run of spaces as an extension mark ("+49 170 1234567, 1207154404"
 * became extension 120715440). An extension counts only when the text says so (ext., x, #, a word);
 * otherwise the number ends where its own digits end and what follows is left to be read on its own.
 */
function withoutUnmarkedExtension(text: string, start: number, end: number, number: PhoneNumber): number {
  if (!number.ext) return end;
  const raw = text.slice(start, end);
  const mainDigits = digitsOf(raw).length - number.ext.length;
  let seen = 0;
  let cut = raw.length;
  for (let i = 0; i < raw.length; i += 1) {
    if (!/\d/.test(raw[i]!)) continue;
    seen += 1;
    if (seen === mainDigits) {
      cut = i + 1;
      break;
    }
  }
  const gap = raw.slice(cut, cut + Math.max(0, raw.slice(cut).search(/\d/)));
  const marked = /[A-Za-z#]/.test(gap);
  return marked ? end : start + cut;
}

function matcherPass(text: string): PhoneNumberInText[] {
  return regions.flatMap((region) =>
    findPhoneNumbersInText(text, { defaultCountry: region }).map((found) => {
      const end = withoutUnmarkedExtension(text, found.startsAt, found.endsAt, found.number);
      return { start: found.startsAt, end, written: writtenAs(text.slice(found.startsAt, end), found.number, region) };
    }),
  );
}

/** A phone number has 7 to 17 digits as written (with a call prefix); a window outside that is not tried. */
const MIN_DIGITS = 7;
const MAX_DIGITS = 17;
/** Groups one number is written in at most ("+49 (0) 170 123 45 67" is six). */
const MAX_GROUPS = 7;
const digitRun = /[+(]?\d[\d\s()./-]*\d\)?/g;

/** The valid number written in exactly `raw` (no extraction from surrounding text), if any, per region. */
function readExactly(raw: string): PhoneNumberInText['written'] | null {
  let best: PhoneNumberInText['written'] | null = null;
  for (const region of regions) {
    const number = parsePhoneNumberFromString(raw, { defaultCountry: region, extract: false });
    if (!number?.isValid()) continue;
    const written = writtenAs(raw, number, region);
    if (written !== 'other') return written;
    best = 'other';
  }
  return best;
}

function runPass(text: string): PhoneNumberInText[] {
  const found: PhoneNumberInText[] = [];
  for (const run of text.matchAll(digitRun)) {
    const groups = [...run[0].matchAll(/\S+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }));
    for (let i = 0; i < groups.length; i += 1) {
      for (let j = Math.min(groups.length, i + MAX_GROUPS); j > i; j -= 1) {
        const start = groups[i]!.start;
        const end = groups[j - 1]!.end;
        const raw = text.slice(start, end);
        const digits = digitsOf(raw).length;
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) continue;
        const written = readExactly(raw);
        if (!written) continue;
        const number = { start, end, written };
        found.push(number);
        if (isContactNumber(number)) {
          i = j - 1;
          break;
        }
      }
    }
  }
  return found;
}

/** Every valid phone number in `text`, and how it was written; the domain decides what to mask. */
export const findPhoneNumbers: PhoneNumberFinder = (text) => [...matcherPass(text), ...runPass(text)];

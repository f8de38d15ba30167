// Country codes: which two-letter strings are ISO 3166-1 alpha-2 codes, and their English names.
// Which of them we ship to is not decided here: that is the tax table's list (tax-table.ts), the
// one place that knows where the marketplace collects tax.

/** The 249 officially assigned ISO 3166-1 alpha-2 codes (no reserved or user-assigned ones: XX, EU, ZZ). */
const isoAlpha2Codes = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** True for an assigned ISO 3166-1 alpha-2 code, written as the standard writes it (`DE`, not `de`). */
export function isIsoCountryCode(code: string): boolean {
  return isoAlpha2Codes.has(code);
}

// Names come from the runtime's CLDR data (pure: a fixed locale, no I/O); a runtime without it
// shows the code, which is still unambiguous.
const displayNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }) : null;

/** The country's English name (`DE` → Germany), or the code itself when it is not an ISO code. */
export function countryName(code: string): string {
  if (!isIsoCountryCode(code)) return code;
  return displayNames?.of(code) ?? code;
}

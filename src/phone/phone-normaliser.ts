// Every number becomes E.164. A number without a country code is read in the request's country,
// else the account's default. We check that a number is *possible* (its length fits the region),
// not that its exchange is assigned: the vendor's own example, 8181234567, must pass.
import { getCountryCallingCode, parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/min';

/** Longer input is not a phone number; refusing it early keeps the parser's work bounded. */
const MAX_INPUT_LENGTH = 40;

export function isPhoneCountry(code: string | undefined): code is CountryCode {
  return !!code && /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/**
 * E.164, or null when the text is not a possible number. With `only`, a number of another
 * country (written with its own country code) is not accepted either.
 */
export function toE164(raw: string, country: string, only = false): string | null {
  const text = raw.trim();
  if (!text || text.length > MAX_INPUT_LENGTH) return null;
  const region = isPhoneCountry(country) ? country : undefined;
  // extract: false — the field holds a number, not text to search for one (and is faster to read).
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: region, extract: false });
  if (!parsed || !parsed.isPossible()) return null;
  if (only && region && parsed.countryCallingCode !== getCountryCallingCode(region)) return null;
  return parsed.number;
}

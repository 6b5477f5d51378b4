// A realistic lead as a web form sends it to the Aloware endpoint: about 600 bytes of JSON.
export function leadBody(token: string, phone: string): string {
  return JSON.stringify({
    api_token: token,
    phone_number: phone,
    first_name: 'Jordan',
    last_name: 'Avery-Lee',
    email: `jordan.avery+${phone}@example.com`,
    company_name: 'Avery & Sons Landscaping LLC',
    lead_source: 'Google Ads - Spring Campaign',
    city: 'Los Angeles',
    state: 'CA',
    zipcode: '90045',
    country: 'US',
    address: '1234 First Street, Suite 200',
    website: 'https://www.avery-landscaping.example.com',
    timezone: 'America/Los_Angeles',
    date_of_birth: '04/12/1986',
    notes: 'Asked for a quote on a full backyard redesign; prefers a call after 5pm on weekdays.',
    csf1: 'utm_source=google&utm_medium=cpc',
    csf2: 'landing-page-v3',
  });
}

const AREA_CODES = [212, 213, 305, 312, 415, 512, 617, 646, 702, 713, 718, 818, 917, 972];

/**
 * A valid US number for each counter value, as real leads have: a real area code, an exchange
 * from 200 to 999 and any line number (14 x 800 x 10,000 numbers before they repeat).
 */
export function benchPhone(n: number): string {
  const line = n % 10_000;
  const exchange = 200 + (Math.floor(n / 10_000) % 800);
  const area = AREA_CODES[Math.floor(n / 8_000_000) % AREA_CODES.length]!;
  return `${area}${exchange}${String(line).padStart(4, '0')}`;
}

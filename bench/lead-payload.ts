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

/** Numbers +1 210 000 0000 upwards: possible US numbers, one per counter value. */
export function benchPhone(n: number): string {
  return String(2_100_000_000 + n);
}

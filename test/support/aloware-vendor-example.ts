// The Aloware vendor page's curl example with its placeholders filled in (a real date instead of
// "MM/DD/YYYY"); its ids (ring group 1234, user 1234, ...) exist in no test account.
export const vendorExample = {
  phone_number: '8181234567', company_name: 'Aloware', name: 'John Doe', first_name: 'John', last_name: 'Doe',
  lead_source: 'Google Ads', email: 'john.doe@gmail.com', date_of_birth: '01/15/1990', timezone: 'America/Los_Angeles',
  city: 'Los Angeles', state: 'CA', zipcode: '90045', country: 'US', address: '1234 First Street',
  website: 'https://www.aloware.com', notes: 'This is a test note', csf1: 'Custom data', csf2: 'Custom data',
  force_update: true, force_update_sequence: false, distribute_to_ring_group: true, ring_group_id: '1234',
  check_available_users: true, add_to_powerdialer: true, powerdialer_position: 'bottom', line_id: '1234',
  sequence_id: '4567', user_id: '1234', tag_id: '1234', disposition_status_id: '1234',
};

// A field that failed a rule, without wording: each dialect words it (Laravel sentences for
// Aloware, one sentence for Alohub, problem-details entries for leadgate's own API).
export type FieldRule =
  | 'required' | 'string' | 'email' | 'date_format' | 'boolean' | 'integer' | 'timezone'
  | 'phone' | 'in' | 'max' | 'array' | 'object' | 'country' | 'no_nul' | 'unknown';

export interface FieldError {
  /** The wire name, dotted for nested values: `other_phone_numbers.0.phone_number`. */
  field: string;
  rule: FieldRule;
  /** `items`: `max` counts a list's items, not characters. */
  params?: { max?: number; items?: boolean; format?: string; values?: readonly string[] };
}

// The capture operation's input, after a dialect adapter has read its wire format. Values are
// still as the submitter wrote them (numbers, dates, emails); normalise-lead.ts checks them.

export const contactTextFields = [
  'first_name', 'last_name', 'name', 'company_name', 'email', 'lead_source', 'date_of_birth',
  'timezone', 'city', 'state', 'zipcode', 'country', 'address', 'website', 'csf1', 'csf2',
] as const;
export type ContactTextField = (typeof contactTextFields)[number];

export interface RoutingInput {
  distributeToRingGroup?: boolean;
  ringGroupId?: number;
  checkAvailableUsers?: boolean;
  checkAvailableUsersWithFallback?: boolean;
  addToPowerDialer?: boolean;
  powerDialerPosition?: 'top' | 'bottom';
  sequenceId?: number;
  forceUpdateSequence?: boolean;
  lineId?: number;
  tagId?: number;
  tags?: string[];
  dispositionStatusId?: number;
}

export interface LeadInput {
  phoneNumber: string;
  /** A dialect whose numbers all belong to one country (Alohub: VN) reads and checks them there. */
  phoneCountry?: string;
  otherPhoneNumbers?: { label?: string; phoneNumber: string }[];
  fields?: Partial<Record<ContactTextField, string>>;
  notes?: string;
  userId?: number;
  isDnc?: boolean;
  /** Overwrite filled fields with the non-empty values sent (otherwise only empty fields are filled). */
  forceUpdate?: boolean;
  routing?: RoutingInput;
}

// The travel desk's records: a corporate travel-management company's travellers, their trips (air segments as the
// GDS holds them, hotel stays, the ticketed fare), loyalty accounts and hotel reservations. Only the tools read this
// module; the simulated model sees records only as tool results in the conversation.
//
// Records are shaped and sized like the APIs a travel desk really calls: a TMC traveller profile (passport, visas,
// loyalty numbers, preferences, emergency contact), an itinerary with segments, ticket numbers and a fare with its
// tax lines, a hotel CRS reservation with its cancellation terms, an airline loyalty account with recent activity.
// Fields come in the order those APIs use (identifiers and status first). Everything is fixed data.
import { addDays, airports, type Cabin, schedule, type ScheduledFlight } from './schedule.ts';

// --- travellers -------------------------------------------------------------------------------------------------

export interface Visa {
  country: string;
  type: string;
  validUntil: string;
  entries: 'single' | 'multiple';
}

export interface Traveller {
  id: string;
  name: string;
  email: string;
  nationality: string;
  passportExpiry: string;
  seatPreference: 'aisle' | 'window';
  mealPreference: string;
  homeAirport: string;
  phone: string;
  dateOfBirth: string;
  company: string;
  department: string;
  costCentre: string;
  travelPolicyGroup: string;
  employeeId: string;
  manager: { name: string; email: string };
  passport: { number: string; issuingCountry: string; issuedOn: string; expiresOn: string; nameOnPassport: string };
  visas: Visa[];
  loyaltyAccounts: { id: string; programme: string; carrier: string; memberNumber: string }[];
  knownTravellerNumber: string | null;
  emergencyContact: { name: string; relationship: string; phone: string };
  homeAddress: { line1: string; city: string; postalCode: string; countryCode: string };
  preferences: { hotelChains: string[]; carRental: string | null; specialAssistance: string | null; notes: string };
  status: 'active';
  createdAt: string;
  updatedAt: string;
}

interface TravellerSpec {
  id: string;
  name: string;
  email: string;
  nationality: string;
  passportNumber: string;
  passportIssued: string;
  passportExpiry: string;
  seat: 'aisle' | 'window';
  meal: string;
  homeAirport: string;
  phone: string;
  born: string;
  department: string;
  costCentre: string;
  policyGroup: string;
  employeeId: string;
  manager: [string, string];
  visas: Visa[];
  loyalty: [id: string, programme: string, carrier: string, memberNumber: string][];
  emergency: [string, string, string];
  address: [string, string, string, string];
  notes: string;
}

const travellerSpecs: TravellerSpec[] = [
  {
    id: 'TR-2041', name: 'Priya Raman', email: 'priya.raman@northwind.example', nationality: 'IN', passportNumber: 'Z7**4418',
    passportIssued: '2021-03-10', passportExpiry: '2031-03-09', seat: 'aisle', meal: 'vegetarian (VGML)', homeAirport: 'LHR',
    phone: '+44 7700 900141', born: '1988-04-12', department: 'Advisory', costCentre: 'UK-ADV-204', policyGroup: 'Consultants',
    employeeId: 'NW-10418', manager: ['Daniel Osei', 'daniel.osei@northwind.example'],
    visas: [{ country: 'GB', type: 'Skilled Worker', validUntil: '2028-09-30', entries: 'multiple' }],
    loyalty: [['LY-604118', 'Horizon Club', 'PQ', 'HZ 7741 0418']],
    emergency: ['Arjun Raman', 'spouse', '+44 7700 900977'], address: ['14 Lavender Hill', 'London', 'SW11 5RW', 'GB'],
    notes: 'Prefers late-evening departures to Asia; asks for quiet rooms away from lifts.',
  },
  {
    id: 'TR-2052', name: 'Mei Chen', email: 'mei.chen@northwind.example', nationality: 'GB', passportNumber: '55**0193',
    passportIssued: '2019-07-01', passportExpiry: '2029-06-30', seat: 'window', meal: 'no preference', homeAirport: 'LHR',
    phone: '+44 7700 900152', born: '1991-11-03', department: 'Data Engineering', costCentre: 'UK-ENG-311', policyGroup: 'Staff',
    employeeId: 'NW-11523', manager: ['Hannah Fischer', 'hannah.fischer@northwind.example'],
    visas: [],
    loyalty: [['LY-588012', 'Miles Continental', 'HC', '992 004 588 012']],
    emergency: ['Wei Chen', 'brother', '+44 7700 900384'], address: ['3 Canal Reach', 'London', 'N1C 4BE', 'GB'],
    notes: 'Travels to the Warsaw delivery centre monthly; prefers the first flight out.',
  },
  {
    id: 'TR-2063', name: 'Ana Souza', email: 'ana.souza@northwind.example', nationality: 'BR', passportNumber: 'GF**8812',
    passportIssued: '2020-08-15', passportExpiry: '2030-08-14', seat: 'window', meal: 'no preference', homeAirport: 'MEX',
    phone: '+52 55 5010 2063', born: '1986-02-27', department: 'Sales LATAM', costCentre: 'MX-SAL-120', policyGroup: 'Staff',
    employeeId: 'NW-12630', manager: ['Luis Ortega', 'luis.ortega@northwind.example'],
    visas: [
      { country: 'MX', type: 'Temporary resident', validUntil: '2027-05-31', entries: 'multiple' },
      { country: 'Schengen', type: 'C (business)', validUntil: '2024-04-30', entries: 'multiple' },
    ],
    loyalty: [['LY-590233', 'Columbia SkyPlus', 'CL', 'CS 40 5902 33']],
    emergency: ['Marcos Souza', 'father', '+55 11 3040 2063'], address: ['Av. Presidente Masaryk 61', 'Mexico City', '11560', 'MX'],
    notes: 'Based in the Mexico City office since 2024; Brazilian passport only.',
  },
  {
    id: 'TR-2077', name: 'Tomasz Nowak', email: 'tomasz.nowak@northwind.example', nationality: 'PL', passportNumber: 'EN**3307',
    passportIssued: '2017-01-21', passportExpiry: '2027-01-20', seat: 'aisle', meal: 'no preference', homeAirport: 'WAW',
    phone: '+48 22 500 2077', born: '1979-06-08', department: 'Delivery', costCentre: 'PL-DEL-501', policyGroup: 'Managers',
    employeeId: 'NW-20771', manager: ['Hannah Fischer', 'hannah.fischer@northwind.example'],
    visas: [],
    loyalty: [['LY-573390', 'Miles Continental', 'HC', '992 004 573 390']],
    emergency: ['Agnieszka Nowak', 'spouse', '+48 601 200 377'], address: ['ul. Wilcza 27', 'Warsaw', '00-544', 'PL'],
    notes: 'Leave over New Year combined with a client visit in Cape Town on 2 January.',
  },
  {
    id: 'TR-2089', name: 'Lukas Becker', email: 'lukas.becker@northwind.example', nationality: 'DE', passportNumber: 'C4**7H21',
    passportIssued: '2022-02-12', passportExpiry: '2032-02-11', seat: 'aisle', meal: 'no preference', homeAirport: 'MUC',
    phone: '+49 89 2000 2089', born: '1984-09-19', department: 'Product', costCentre: 'DE-PRD-410', policyGroup: 'Managers',
    employeeId: 'NW-20894', manager: ['Daniel Osei', 'daniel.osei@northwind.example'],
    visas: [],
    loyalty: [['LY-573301', 'Miles Continental', 'HC', '992 004 573 301']],
    emergency: ['Julia Becker', 'spouse', '+49 171 200 2089'], address: ['Gabelsbergerstraße 9', 'Munich', '80333', 'DE'],
    notes: 'Travels with his dog when driving; otherwise no special requests.',
  },
  {
    id: 'TR-2095', name: 'Olivia Grant', email: 'olivia.grant@northwind.example', nationality: 'AU', passportNumber: 'PA**9514',
    passportIssued: '2020-10-02', passportExpiry: '2030-10-01', seat: 'window', meal: 'gluten-free (GFML)', homeAirport: 'SIN',
    phone: '+65 8100 2095', born: '1993-01-30', department: 'APAC Marketing', costCentre: 'SG-MKT-140', policyGroup: 'Staff',
    employeeId: 'NW-30952', manager: ['Ravi Menon', 'ravi.menon@northwind.example'],
    visas: [{ country: 'SG', type: 'Employment Pass', validUntil: '2028-02-28', entries: 'multiple' }],
    loyalty: [],
    emergency: ['Sarah Grant', 'mother', '+61 2 9100 2095'], address: ['28 River Valley Close', 'Singapore', '238404', 'SG'],
    notes: 'Personal trip to Bali booked through the desk; pays with her own card.',
  },
  {
    id: 'TR-2103', name: 'James Okafor', email: 'james.okafor@northwind.example', nationality: 'GB', passportNumber: '12**7740',
    passportIssued: '2019-12-04', passportExpiry: '2029-12-03', seat: 'aisle', meal: 'no preference', homeAirport: 'LHR',
    phone: '+44 7700 900103', born: '1982-05-17', department: 'Partnerships', costCentre: 'UK-PTN-230', policyGroup: 'Staff',
    employeeId: 'NW-11037', manager: ['Daniel Osei', 'daniel.osei@northwind.example'],
    visas: [],
    loyalty: [['LY-611450', 'Meridian Club', 'MR', 'MC 6114 5021']],
    emergency: ['Ngozi Okafor', 'sister', '+44 7700 900510'], address: ['52 Brixton Water Lane', 'London', 'SW2 1PG', 'GB'],
    notes: 'Visits family in New York over Christmas on a personal fare; conference travel is company-paid.',
  },
];

export const travellers: readonly Traveller[] = travellerSpecs.map((spec) => ({
  id: spec.id,
  name: spec.name,
  email: spec.email,
  nationality: spec.nationality,
  passportExpiry: spec.passportExpiry,
  seatPreference: spec.seat,
  mealPreference: spec.meal,
  homeAirport: spec.homeAirport,
  phone: spec.phone,
  dateOfBirth: spec.born,
  company: 'Northwind Analytics Ltd',
  department: spec.department,
  costCentre: spec.costCentre,
  travelPolicyGroup: spec.policyGroup,
  employeeId: spec.employeeId,
  manager: { name: spec.manager[0], email: spec.manager[1] },
  passport: {
    number: spec.passportNumber,
    issuingCountry: spec.nationality,
    issuedOn: spec.passportIssued,
    expiresOn: spec.passportExpiry,
    nameOnPassport: spec.name.toUpperCase().split(' ').reverse().join('/'),
  },
  visas: spec.visas,
  loyaltyAccounts: spec.loyalty.map(([id, programme, carrier, memberNumber]) => ({ id, programme, carrier, memberNumber })),
  knownTravellerNumber: null,
  emergencyContact: { name: spec.emergency[0], relationship: spec.emergency[1], phone: spec.emergency[2] },
  homeAddress: { line1: spec.address[0], city: spec.address[1], postalCode: spec.address[2], countryCode: spec.address[3] },
  preferences: { hotelChains: [], carRental: null, specialAssistance: null, notes: spec.notes },
  status: 'active',
  createdAt: '2023-01-09T10:12:00Z',
  updatedAt: '2026-11-30T16:45:00Z',
}));

// --- loyalty accounts -------------------------------------------------------------------------------------------

export interface LoyaltyAccount {
  id: string;
  travellerId: string;
  programme: string;
  carrier: string;
  memberNumber: string;
  tier: string;
  tierValidUntil: string;
  miles: number;
  tierPoints: number;
  nextTier: string | null;
  tierPointsToNextTier: number | null;
  loungeAccess: string;
  extraBaggage: string;
  benefits: string[];
  memberSince: string;
  status: 'active';
  recentActivity: { date: string; description: string; miles: number; tierPoints: number }[];
}

const activity = (rows: [string, string, number, number][]): LoyaltyAccount['recentActivity'] =>
  rows.map(([date, description, miles, tierPoints]) => ({ date, description, miles, tierPoints }));

export const loyaltyAccounts: readonly LoyaltyAccount[] = [
  {
    id: 'LY-604118', travellerId: 'TR-2041', programme: 'Horizon Club', carrier: 'PQ', memberNumber: 'HZ 7741 0418', tier: 'Gold',
    tierValidUntil: '2027-06-30', miles: 184220, tierPoints: 1310, nextTier: 'Platinum', tierPointsToNextTier: 690,
    loungeAccess: 'Skyward business lounges worldwide, plus one guest, when flying Skyward carriers',
    extraBaggage: '+1 checked bag (23 kg) on Pacifica and Skyward flights',
    benefits: ['Priority check-in and boarding', 'Change fees waived where the fare rules say so for Gold members', 'Guaranteed economy seat on full flights (booked 24 h ahead)', 'Bonus miles: 50 % on Pacifica flights'],
    memberSince: '2016-08-22', status: 'active',
    recentActivity: activity([
      ['2026-11-24', 'PQ318 SIN-LHR, economy M', 6810, 120], ['2026-11-16', 'PQ317 LHR-SIN, economy M', 6750, 120],
      ['2026-10-30', 'Partner hotel stay, Singapore', 2400, 0], ['2026-09-12', 'PQ307 LHR-SIN, premium W', 9120, 160],
      ['2026-08-03', 'Credit card spend', 1850, 0],
    ]),
  },
  {
    id: 'LY-588012', travellerId: 'TR-2052', programme: 'Miles Continental', carrier: 'HC', memberNumber: '992 004 588 012', tier: 'Senator',
    tierValidUntil: '2028-02-29', miles: 96410, tierPoints: 842, nextTier: 'HON Circle', tierPointsToNextTier: 5158,
    loungeAccess: 'Senator lounges and Skyward business lounges on any same-day Skyward flight, plus one guest',
    extraBaggage: '+1 checked bag (23 kg in economy, 32 kg in business)',
    benefits: ['Senator and business lounges', 'Priority waitlist and standby', 'Seat reservation free of charge', 'Award seat availability guarantee (14 days ahead)'],
    memberSince: '2018-03-05', status: 'active',
    recentActivity: activity([
      ['2026-11-20', 'HC902 FRA-LHR, economy K', 580, 10], ['2026-11-18', 'HC1347 FRA-WAW, economy K', 540, 10],
      ['2026-11-18', 'HC901 LHR-FRA, economy K', 580, 10], ['2026-10-23', 'HC902 FRA-LHR, economy K', 580, 10],
      ['2026-10-21', 'HC1347 FRA-WAW, economy K', 540, 10],
    ]),
  },
  {
    id: 'LY-590233', travellerId: 'TR-2063', programme: 'Columbia SkyPlus', carrier: 'CL', memberNumber: 'CS 40 5902 33', tier: 'Blue',
    tierValidUntil: '2027-12-31', miles: 12880, tierPoints: 95, nextTier: 'Silver', tierPointsToNextTier: 255,
    loungeAccess: 'None at this tier', extraBaggage: 'None at this tier',
    benefits: ['Earn miles on Columbia and Skyward flights', 'Family pooling of miles'],
    memberSince: '2024-05-18', status: 'active',
    recentActivity: activity([['2026-07-02', 'CL611 MEX-SFO, economy V', 1420, 25], ['2026-06-28', 'CL612 SFO-MEX, economy V', 1420, 25]]),
  },
  {
    id: 'LY-573390', travellerId: 'TR-2077', programme: 'Miles Continental', carrier: 'HC', memberNumber: '992 004 573 390', tier: 'Frequent Traveller',
    tierValidUntil: '2027-02-28', miles: 58230, tierPoints: 410, nextTier: 'Senator', tierPointsToNextTier: 190,
    loungeAccess: 'Business lounges on any same-day Hansa Continental or Skyward flight',
    extraBaggage: '+1 checked bag (23 kg) on Hansa Continental flights',
    benefits: ['Business lounges', 'Priority waitlist', 'Seat reservation free of charge from 72 h before departure'],
    memberSince: '2012-11-14', status: 'active',
    recentActivity: activity([['2026-10-15', 'HC1347 FRA-WAW, economy S', 540, 10], ['2026-10-14', 'HC1351 WAW-FRA, economy S', 540, 10]]),
  },
  {
    id: 'LY-573301', travellerId: 'TR-2089', programme: 'Miles Continental', carrier: 'HC', memberNumber: '992 004 573 301', tier: 'Member',
    tierValidUntil: '2027-12-31', miles: 21470, tierPoints: 120, nextTier: 'Frequent Traveller', tierPointsToNextTier: 480,
    loungeAccess: 'None at this tier', extraBaggage: 'None at this tier',
    benefits: ['Earn and spend miles on Skyward flights'],
    memberSince: '2019-06-02', status: 'active',
    recentActivity: activity([['2026-09-30', 'HC2071 MUC-FRA, economy Y', 500, 10]]),
  },
  {
    id: 'LY-611450', travellerId: 'TR-2103', programme: 'Meridian Club', carrier: 'MR', memberNumber: 'MC 6114 5021', tier: 'Silver',
    tierValidUntil: '2027-03-31', miles: 40315, tierPoints: 380, nextTier: 'Gold', tierPointsToNextTier: 1120,
    loungeAccess: 'Meridian and Concord business lounges when flying Meridian',
    extraBaggage: '+1 checked bag (23 kg) on Meridian flights, whatever the fare',
    benefits: ['Business lounges', 'Priority check-in', 'Free seat selection', 'One extra checked bag on every Meridian fare, Lite included'],
    memberSince: '2015-02-11', status: 'active',
    recentActivity: activity([['2026-11-02', 'MR832 LHR-DUB, economy Y', 500, 20], ['2026-11-04', 'MR833 DUB-LHR, economy Y', 500, 20]]),
  },
];

// --- trips ------------------------------------------------------------------------------------------------------

export interface Segment {
  segment: number;
  flightNumber: string;
  carrier: string;
  operatingCarrier: string;
  date: string;
  origin: string;
  originCity: string;
  originCountry: string;
  destination: string;
  destinationCity: string;
  destinationCountry: string;
  departureLocal: string;
  arrivalLocal: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled by airline' | 'flown';
  cabin: Cabin;
  bookingClass: string;
  fareBasis: string;
  fareBrand: string;
  seat: string | null;
  ticketNumber: string;
  durationMinutes: number;
  aircraft: string;
  /** On a segment followed by a connection: the time on the ground and the airport's minimum connection time. */
  connection?: { airport: string; scheduledMinutes: number; minimumConnectionMinutes: number };
}

export interface TaxLine {
  code: string;
  name: string;
  amount: number;
}

export interface Fare {
  currency: string;
  validatingCarrier: string;
  fareBasis: string;
  baseFare: number;
  carrierSurcharge: number;
  taxes: TaxLine[];
  total: number;
  ticketNumbers: string[];
  issuedAt: string;
  endorsements: string;
  fareCalculation: string;
}

export interface Trip {
  id: string;
  travellerId: string;
  recordLocator: string;
  status: 'ticketed' | 'completed' | 'waitlisted';
  purpose: string;
  destination: string;
  destinationCity: string;
  destinationCountry: string;
  startDate: string;
  endDate: string;
  segments: Segment[];
  hotelReservations: { id: string; hotelName: string; checkIn: string; checkOut: string }[];
  fare: Fare;
  payment: { method: 'corporate card' | 'personal card'; cardBrand: string; cardLast4: string; chargedAt: string };
  approval: { status: 'approved' | 'not required'; approver: string | null; approvedAt: string | null };
  policyCompliance: { inPolicy: boolean; notes: string };
  costCentre: string;
  bookedAt: string;
  bookedBy: string;
  agencyNotes: string[];
  updatedAt: string;
}

const cityOf = (code: string): string => airports.find((airport) => airport.code === code)?.city ?? code;
const countryOf = (code: string): string => airports.find((airport) => airport.code === code)?.countryCode ?? '';
const round2 = (amount: number): number => Math.round(amount * 100) / 100;

function flight(flightNumber: string): ScheduledFlight {
  const found = schedule.find((candidate) => candidate.flightNumber === flightNumber);
  if (!found) throw new Error(`data: no scheduled flight ${flightNumber}`);
  return found;
}

interface SegmentSpec {
  flightNumber: string;
  date: string;
  bookingClass: string;
  seat: string | null;
  status?: Segment['status'];
  cabin?: Cabin;
  minimumConnectionMinutes?: number;
}

interface TripSpec {
  id: string;
  travellerId: string;
  recordLocator: string;
  status: Trip['status'];
  purpose: string;
  destination: string;
  fareBasis: string;
  fareBrand: string;
  currency: string;
  baseFare: number;
  carrierSurcharge: number;
  taxes: [string, string, number][];
  ticketPrefix: string;
  segments: SegmentSpec[];
  hotels: { id: string; hotelName: string; checkIn: string; checkOut: string }[];
  payment: Trip['payment'];
  approver: string | null;
  inPolicy: [boolean, string];
  bookedAt: string;
  notes: string[];
}

const tripSpecs: TripSpec[] = [
  {
    id: 'TP-30417', travellerId: 'TR-2041', recordLocator: 'K7QX2M', status: 'ticketed', purpose: 'Client workshop with Straits Capital, Singapore',
    destination: 'SIN', fareBasis: 'MSTDGB', fareBrand: 'Standard', currency: 'GBP', baseFare: 742, carrierSurcharge: 210,
    taxes: [['GB', 'UK air passenger duty', 94], ['UB', 'UK passenger service charge', 57.4], ['L7', 'Singapore airport development levy', 32.7], ['OP', 'Singapore aviation levy', 8.3]],
    ticketPrefix: '618-24004170',
    segments: [
      { flightNumber: 'PQ317', date: '2026-12-19', bookingClass: 'M', seat: '32C' },
      { flightNumber: 'PQ318', date: '2026-12-27', bookingClass: 'M', seat: '33C' },
    ],
    hotels: [{ id: 'HR-71204', hotelName: 'Marina Quay Hotel', checkIn: '2026-12-20', checkOut: '2026-12-27' }],
    payment: { method: 'corporate card', cardBrand: 'amex', cardLast4: '1004', chargedAt: '2026-11-28T09:41:00Z' },
    approver: 'Daniel Osei', inPolicy: [true, 'Economy on a long-haul flight under 14 hours: in policy.'], bookedAt: '2026-11-28T09:38:00Z',
    notes: ['VGML requested on both flights.', 'Client pays the hotel; rebill at cost.'],
  },
  {
    id: 'TP-29850', travellerId: 'TR-2041', recordLocator: 'P3WN8C', status: 'completed', purpose: 'Quarterly review, Frankfurt office',
    destination: 'FRA', fareBasis: 'KSTDGB', fareBrand: 'Standard', currency: 'GBP', baseFare: 148, carrierSurcharge: 30,
    taxes: [['GB', 'UK air passenger duty', 13], ['UB', 'UK passenger service charge', 57.4], ['RA', 'German air passenger tax', 15.53]],
    ticketPrefix: '220-24002985',
    segments: [
      { flightNumber: 'HC901', date: '2026-10-06', bookingClass: 'K', seat: '8C', status: 'flown' },
      { flightNumber: 'HC902', date: '2026-10-08', bookingClass: 'K', seat: '9C', status: 'flown' },
    ],
    hotels: [],
    payment: { method: 'corporate card', cardBrand: 'amex', cardLast4: '1004', chargedAt: '2026-09-20T13:02:00Z' },
    approver: null, inPolicy: [true, 'Short-haul economy: in policy.'], bookedAt: '2026-09-20T12:58:00Z', notes: [],
  },
  {
    id: 'TP-30522', travellerId: 'TR-2052', recordLocator: 'R4VD9P', status: 'ticketed', purpose: 'Sprint review at the Warsaw delivery centre',
    destination: 'WAW', fareBasis: 'KLIGHTGB', fareBrand: 'Light', currency: 'GBP', baseFare: 168, carrierSurcharge: 40,
    taxes: [['GB', 'UK air passenger duty', 13], ['UB', 'UK passenger service charge', 57.4], ['RA', 'German air passenger tax', 15.53], ['XW', 'Warsaw passenger service charge', 12.4]],
    ticketPrefix: '220-24005220',
    segments: [
      { flightNumber: 'HC901', date: '2026-12-17', bookingClass: 'K', seat: '21A', minimumConnectionMinutes: 45 },
      { flightNumber: 'HC1347', date: '2026-12-17', bookingClass: 'K', seat: '14A' },
      { flightNumber: 'HC1348', date: '2026-12-19', bookingClass: 'K', seat: '12F', minimumConnectionMinutes: 45 },
      { flightNumber: 'HC902', date: '2026-12-19', bookingClass: 'K', seat: '19A' },
    ],
    hotels: [{ id: 'HR-71290', hotelName: 'Hotel Vistula Riverside', checkIn: '2026-12-17', checkOut: '2026-12-19' }],
    payment: { method: 'corporate card', cardBrand: 'visa', cardLast4: '5520', chargedAt: '2026-12-01T08:15:00Z' },
    approver: null, inPolicy: [true, 'Short-haul economy: in policy.'], bookedAt: '2026-12-01T08:11:00Z',
    notes: ['Window seats requested.', 'Light fare: cabin bag only.'],
  },
  {
    id: 'TP-30588', travellerId: 'TR-2063', recordLocator: 'M2TB6Q', status: 'ticketed', purpose: 'Distributor meetings and year-end visit, Tokyo',
    destination: 'NRT', fareBasis: 'VSTDMX', fareBrand: 'Standard', currency: 'USD', baseFare: 1140, carrierSurcharge: 320,
    taxes: [['MX', 'Mexico airport use fee (TUA)', 48.2], ['US', 'US international transportation tax', 45.8], ['XA', 'US APHIS fee', 3.96], ['XY', 'US immigration fee', 7], ['YC', 'US customs fee', 6.93], ['SW', 'Japan international tourist tax', 6.8], ['OI', 'Narita passenger service facility charge', 14.9]],
    ticketPrefix: '377-24005880',
    segments: [
      { flightNumber: 'CL611', date: '2026-12-22', bookingClass: 'V', seat: '24A', minimumConnectionMinutes: 90 },
      { flightNumber: 'CL837', date: '2026-12-22', bookingClass: 'V', seat: '41A' },
      { flightNumber: 'CL838', date: '2027-01-03', bookingClass: 'V', seat: '40K', minimumConnectionMinutes: 90 },
      { flightNumber: 'CL612', date: '2027-01-03', bookingClass: 'V', seat: '22A' },
    ],
    hotels: [{ id: 'HR-71333', hotelName: 'Shinagawa Bayside Hotel', checkIn: '2026-12-23', checkOut: '2027-01-03' }],
    payment: { method: 'corporate card', cardBrand: 'mastercard', cardLast4: '7712', chargedAt: '2026-11-19T17:20:00Z' },
    approver: 'Luis Ortega', inPolicy: [true, 'Economy, approved by the line manager.'], bookedAt: '2026-11-19T17:12:00Z',
    notes: ['Routing via SFO chosen by the traveller for the lower fare.'],
  },
  {
    id: 'TP-30611', travellerId: 'TR-2077', recordLocator: 'W8NC3J', status: 'ticketed', purpose: 'Client visit in Cape Town combined with leave',
    destination: 'CPT', fareBasis: 'SSTDZA', fareBrand: 'Standard', currency: 'EUR', baseFare: 820, carrierSurcharge: 180,
    taxes: [['XW', 'Warsaw passenger service charge', 24.1], ['RA', 'German air passenger tax', 70.83], ['DE', 'German aviation security charge', 12.67], ['EV', 'South Africa passenger safety charge', 39]],
    ticketPrefix: '220-24006110',
    segments: [
      { flightNumber: 'HC1351', date: '2026-12-28', bookingClass: 'S', seat: '7C', minimumConnectionMinutes: 45 },
      { flightNumber: 'HC574', date: '2026-12-28', bookingClass: 'S', seat: '33D' },
      { flightNumber: 'HC575', date: '2027-01-04', bookingClass: 'S', seat: '34D', minimumConnectionMinutes: 45 },
      { flightNumber: 'HC1352', date: '2027-01-05', bookingClass: 'S', seat: '6C' },
    ],
    hotels: [{ id: 'HR-71388', hotelName: 'Bay Atlantic Hotel', checkIn: '2026-12-28', checkOut: '2027-01-04' }],
    payment: { method: 'corporate card', cardBrand: 'visa', cardLast4: '3077', chargedAt: '2026-11-25T11:05:00Z' },
    approver: 'Hannah Fischer', inPolicy: [true, 'Economy; leave days at the traveller\'s own cost (hotel nights 29-31 Dec rebilled).'], bookedAt: '2026-11-25T10:58:00Z',
    notes: ['Client meeting on 2 January in Cape Town.', 'Hotel nights 29-31 December are private and rebilled to the traveller.'],
  },
  {
    id: 'TP-29911', travellerId: 'TR-2077', recordLocator: 'J5BR2T', status: 'completed', purpose: 'Steering committee, Frankfurt',
    destination: 'FRA', fareBasis: 'SSTDPL', fareBrand: 'Standard', currency: 'EUR', baseFare: 190, carrierSurcharge: 40,
    taxes: [['XW', 'Warsaw passenger service charge', 24.1], ['RA', 'German air passenger tax', 15.53], ['DE', 'German aviation security charge', 12.67]],
    ticketPrefix: '220-24002991',
    segments: [
      { flightNumber: 'HC1351', date: '2026-10-14', bookingClass: 'S', seat: '4C', status: 'flown' },
      { flightNumber: 'HC1347', date: '2026-10-15', bookingClass: 'S', seat: '5C', status: 'flown' },
    ],
    hotels: [],
    payment: { method: 'corporate card', cardBrand: 'visa', cardLast4: '3077', chargedAt: '2026-10-01T07:44:00Z' },
    approver: null, inPolicy: [true, 'Short-haul economy: in policy.'], bookedAt: '2026-10-01T07:40:00Z', notes: [],
  },
  {
    id: 'TP-30655', travellerId: 'TR-2089', recordLocator: 'F3LP7N', status: 'ticketed', purpose: 'Customer advisory board, New York',
    destination: 'JFK', fareBasis: 'YFLEXDE', fareBrand: 'Flex', currency: 'EUR', baseFare: 1420, carrierSurcharge: 240,
    taxes: [['RA', 'German air passenger tax', 70.83], ['DE', 'German aviation security charge', 12.67], ['OY', 'Frankfurt passenger charge', 46.53], ['US', 'US international transportation tax', 45.8], ['XA', 'US APHIS fee', 3.96], ['XY', 'US immigration fee', 7], ['YC', 'US customs fee', 6.93], ['AY', 'US September 11th security fee', 5.6]],
    ticketPrefix: '220-24006550',
    segments: [
      { flightNumber: 'HC118', date: '2026-12-18', bookingClass: 'Y', seat: '31C', status: 'cancelled by airline' },
      { flightNumber: 'HC119', date: '2026-12-22', bookingClass: 'Y', seat: '30C' },
    ],
    hotels: [{ id: 'HR-71402', hotelName: 'Hudson Yards Business Hotel', checkIn: '2026-12-18', checkOut: '2026-12-22' }],
    payment: { method: 'corporate card', cardBrand: 'amex', cardLast4: '8940', chargedAt: '2026-11-10T14:30:00Z' },
    approver: 'Daniel Osei', inPolicy: [true, 'Flex economy for a customer event: approved.'], bookedAt: '2026-11-10T14:22:00Z',
    notes: ['Dinner with the advisory board at 21:00 on arrival day (Manhattan).', 'Schedule change 2026-12-17: HC118 cancelled by the airline; rebooking pending.'],
  },
  {
    id: 'TP-30702', travellerId: 'TR-2095', recordLocator: 'B9JS4W', status: 'waitlisted', purpose: 'Personal: Christmas in Bali',
    destination: 'DPS', fareBasis: 'VSAVSG', fareBrand: 'Saver', currency: 'SGD', baseFare: 248, carrierSurcharge: 0,
    taxes: [['L7', 'Singapore airport development levy', 10.8], ['OP', 'Singapore aviation levy', 2.6], ['SG', 'Singapore passenger service and security fee', 44.2], ['D5', 'Bali passenger service charge', 21.9]],
    ticketPrefix: '912-24007020',
    segments: [
      { flightNumber: 'SD152', date: '2026-12-23', bookingClass: 'V', seat: null, status: 'waitlisted' },
      { flightNumber: 'SD153', date: '2026-12-30', bookingClass: 'V', seat: '11A' },
    ],
    hotels: [{ id: 'HR-71421', hotelName: 'Ubud Rice Terrace Villas', checkIn: '2026-12-23', checkOut: '2026-12-30' }],
    payment: { method: 'personal card', cardBrand: 'visa', cardLast4: '6655', chargedAt: '2026-12-02T03:10:00Z' },
    approver: null, inPolicy: [true, 'Personal travel: policy does not apply.'], bookedAt: '2026-12-02T03:04:00Z',
    notes: ['Outbound waitlisted (priority 4); traveller asked us to look for a confirmed alternative.'],
  },
  {
    id: 'TP-30734', travellerId: 'TR-2103', recordLocator: 'H6MT2D', status: 'ticketed', purpose: 'Personal: family Christmas in New York',
    destination: 'JFK', fareBasis: 'OLITEGB', fareBrand: 'Lite', currency: 'GBP', baseFare: 412, carrierSurcharge: 180,
    taxes: [['GB', 'UK air passenger duty', 94], ['UB', 'UK passenger service charge', 57.4], ['US', 'US international transportation tax', 45.8], ['XA', 'US APHIS fee', 3.96], ['XY', 'US immigration fee', 7], ['YC', 'US customs fee', 6.93], ['AY', 'US September 11th security fee', 5.6]],
    ticketPrefix: '447-24007340',
    segments: [
      { flightNumber: 'MR175', date: '2026-12-21', bookingClass: 'O', seat: '38D' },
      { flightNumber: 'MR176', date: '2026-12-28', bookingClass: 'O', seat: '40D' },
    ],
    hotels: [],
    payment: { method: 'personal card', cardBrand: 'mastercard', cardLast4: '2211', chargedAt: '2026-10-18T19:50:00Z' },
    approver: null, inPolicy: [true, 'Personal travel: policy does not apply.'], bookedAt: '2026-10-18T19:46:00Z',
    notes: ['Lite fare: no checked bag included in the fare.'],
  },
  {
    id: 'TP-30740', travellerId: 'TR-2103', recordLocator: 'D7RW5K', status: 'ticketed', purpose: 'Open Finance Summit, Dublin',
    destination: 'DUB', fareBasis: 'YFLEXGB', fareBrand: 'Flex', currency: 'GBP', baseFare: 298, carrierSurcharge: 0,
    taxes: [['GB', 'UK air passenger duty', 13], ['UB', 'UK passenger service charge', 57.4], ['EI', 'Dublin passenger service charge', 9.3]],
    ticketPrefix: '447-24007400',
    segments: [
      { flightNumber: 'MR832', date: '2027-01-12', bookingClass: 'Y', seat: '4C' },
      { flightNumber: 'MR833', date: '2027-01-14', bookingClass: 'Y', seat: '5C' },
    ],
    hotels: [{ id: 'HR-71455', hotelName: 'Liffey Quay Hotel', checkIn: '2027-01-12', checkOut: '2027-01-14' }],
    payment: { method: 'corporate card', cardBrand: 'amex', cardLast4: '6030', chargedAt: '2026-12-04T10:02:00Z' },
    approver: null, inPolicy: [true, 'Short-haul flexible economy for a conference: in policy.'], bookedAt: '2026-12-04T09:57:00Z',
    notes: ['Conference registration paid separately.'],
  },
];

function buildSegment(spec: SegmentSpec, index: number, trip: TripSpec, next: SegmentSpec | undefined): Segment {
  const scheduled = flight(spec.flightNumber);
  const arrivalDate = addDays(spec.date, scheduled.arrivalDayOffset);
  const segment: Segment = {
    segment: index + 1,
    flightNumber: scheduled.flightNumber,
    carrier: scheduled.carrier,
    operatingCarrier: scheduled.operatingCarrier,
    date: spec.date,
    origin: scheduled.origin,
    originCity: cityOf(scheduled.origin),
    originCountry: countryOf(scheduled.origin),
    destination: scheduled.destination,
    destinationCity: cityOf(scheduled.destination),
    destinationCountry: countryOf(scheduled.destination),
    departureLocal: `${spec.date}T${scheduled.departure}`,
    arrivalLocal: `${arrivalDate}T${scheduled.arrival}`,
    status: spec.status ?? 'confirmed',
    cabin: spec.cabin ?? 'economy',
    bookingClass: spec.bookingClass,
    fareBasis: trip.fareBasis,
    fareBrand: trip.fareBrand,
    seat: spec.seat,
    ticketNumber: `${trip.ticketPrefix}${index < 2 ? '1' : '2'}`,
    durationMinutes: scheduled.durationMinutes,
    aircraft: scheduled.aircraft,
  };
  if (spec.minimumConnectionMinutes !== undefined && next) {
    const onward = flight(next.flightNumber);
    const minutes = (Date.parse(`${next.date}T${onward.departure}Z`) - Date.parse(`${arrivalDate}T${scheduled.arrival}Z`)) / 60_000;
    segment.connection = { airport: scheduled.destination, scheduledMinutes: minutes, minimumConnectionMinutes: spec.minimumConnectionMinutes };
  }
  return segment;
}

function buildTrip(spec: TripSpec): Trip {
  const segments = spec.segments.map((segment, index) => buildSegment(segment, index, spec, spec.segments[index + 1]));
  const taxes = spec.taxes.map(([code, name, amount]) => ({ code, name, amount }));
  const total = round2(spec.baseFare + spec.carrierSurcharge + taxes.reduce((sum, tax) => sum + tax.amount, 0));
  const first = segments[0] as Segment;
  const last = segments.at(-1) as Segment;
  const carrier = first.carrier;
  const ticketNumbers = [...new Set(segments.map((segment) => segment.ticketNumber))];
  const traveller = travellers.find((candidate) => candidate.id === spec.travellerId) as Traveller;
  const half = round2(spec.baseFare / 2).toFixed(2);
  return {
    id: spec.id,
    travellerId: spec.travellerId,
    recordLocator: spec.recordLocator,
    status: spec.status,
    purpose: spec.purpose,
    destination: spec.destination,
    destinationCity: cityOf(spec.destination),
    destinationCountry: countryOf(spec.destination),
    startDate: first.date,
    endDate: last.arrivalLocal.slice(0, 10),
    segments,
    hotelReservations: spec.hotels,
    fare: {
      currency: spec.currency,
      validatingCarrier: carrier,
      fareBasis: spec.fareBasis,
      baseFare: spec.baseFare,
      carrierSurcharge: spec.carrierSurcharge,
      taxes,
      total,
      ticketNumbers,
      issuedAt: spec.bookedAt,
      endorsements: spec.fareBrand === 'Flex' ? 'VALID ON HC OPERATED FLIGHTS ONLY/REFUNDABLE' : 'NON-ENDORSABLE/CHANGE PENALTIES APPLY',
      fareCalculation: `${first.origin} ${carrier} ${spec.destination} ${half} ${carrier} ${first.origin} ${half} ${spec.currency}${spec.baseFare.toFixed(2)} END`,
    },
    payment: spec.payment,
    approval: spec.approver
      ? { status: 'approved', approver: spec.approver, approvedAt: spec.bookedAt }
      : { status: 'not required', approver: null, approvedAt: null },
    policyCompliance: { inPolicy: spec.inPolicy[0], notes: spec.inPolicy[1] },
    costCentre: traveller.costCentre,
    bookedAt: spec.bookedAt,
    bookedBy: 'Northwind Travel Desk (online booking tool)',
    agencyNotes: spec.notes,
    updatedAt: spec.id === 'TP-30655' ? '2026-12-17T06:12:00Z' : spec.bookedAt,
  };
}

export const trips: readonly Trip[] = tripSpecs.map(buildTrip);

// --- hotel reservations -----------------------------------------------------------------------------------------

export interface HotelReservation {
  id: string;
  tripId: string;
  hotelName: string;
  city: string;
  checkIn: string;
  checkOut: string;
  nights: number;
  status: 'confirmed';
  refundable: boolean;
  /** Local time at the hotel; `null` for a non-refundable rate. */
  freeCancellationUntil: string | null;
  cancellationPenalty: string;
  nightlyRate: number;
  currency: string;
  totalAmount: number;
  ratePlan: string;
  roomType: string;
  boardBasis: string;
  paymentTiming: 'pay at hotel' | 'prepaid';
  confirmationNumber: string;
  guarantee: { type: 'card'; cardBrand: string; cardLast4: string };
  address: { line1: string; city: string; postalCode: string; countryCode: string };
  phone: string;
  checkInTime: string;
  checkOutTime: string;
  specialRequests: string[];
  policies: { children: string; pets: string; cityTax: string };
  bookedVia: string;
  createdAt: string;
}

interface HotelSpec {
  id: string;
  tripId: string;
  city: string;
  nightlyRate: number;
  currency: string;
  freeUntil: string | null;
  ratePlan: string;
  roomType: string;
  board: string;
  prepaid: boolean;
  confirmation: string;
  address: [string, string, string];
  phone: string;
  requests: string[];
  pets: string;
  cityTax: string;
}

const hotelSpecs: HotelSpec[] = [
  { id: 'HR-71204', tripId: 'TP-30417', city: 'Singapore', nightlyRate: 310, currency: 'SGD', freeUntil: '2026-12-18T18:00', ratePlan: 'Corporate flexible (NWA)', roomType: 'Deluxe king, bay view', board: 'breakfast included', prepaid: false, confirmation: 'MQH-88204117', address: ['8 Marina Quay Boulevard', '018960', 'SG'], phone: '+65 6800 1204', requests: ['Quiet room away from lifts', 'Late check-in (after 19:00)'], pets: 'Not allowed', cityTax: 'Included' },
  { id: 'HR-71290', tripId: 'TP-30522', city: 'Warsaw', nightlyRate: 540, currency: 'PLN', freeUntil: '2026-12-16T12:00', ratePlan: 'Corporate semi-flexible', roomType: 'Standard double', board: 'breakfast included', prepaid: false, confirmation: 'VIS-5529017', address: ['Wybrzeże Kościuszkowskie 31', '00-379', 'PL'], phone: '+48 22 500 1290', requests: ['High floor'], pets: 'Small pets on request (PLN 80 per night)', cityTax: 'PLN 2.50 per night, payable at the hotel' },
  { id: 'HR-71333', tripId: 'TP-30588', city: 'Tokyo', nightlyRate: 28500, currency: 'JPY', freeUntil: '2026-12-20T23:59', ratePlan: 'Best flexible rate', roomType: 'Superior twin', board: 'room only', prepaid: false, confirmation: 'SBH-30117745', address: ['4-12-8 Higashi-Shinagawa, Shinagawa-ku', '140-0002', 'JP'], phone: '+81 3 5000 1333', requests: ['Non-smoking floor'], pets: 'Not allowed', cityTax: 'Tokyo accommodation tax JPY 200 per night' },
  { id: 'HR-71388', tripId: 'TP-30611', city: 'Cape Town', nightlyRate: 3450, currency: 'ZAR', freeUntil: '2026-12-21T14:00', ratePlan: 'Flexible rate', roomType: 'Classic king, mountain view', board: 'breakfast included', prepaid: false, confirmation: 'BAH-7738812', address: ['21 Beach Road, Mouille Point', '8005', 'ZA'], phone: '+27 21 500 1388', requests: ['Late arrival (flight lands 22:50)'], pets: 'Not allowed', cityTax: 'Tourism levy 1 % included' },
  { id: 'HR-71402', tripId: 'TP-30655', city: 'New York', nightlyRate: 389, currency: 'USD', freeUntil: '2026-12-17T18:00', ratePlan: 'Corporate flexible (NWA)', roomType: 'King, city view', board: 'room only', prepaid: false, confirmation: 'HYB-40220931', address: ['455 West 34th Street', '10001', 'US'], phone: '+1 212 555 1402', requests: ['Late arrival guaranteed'], pets: 'Dogs under 25 lb, USD 75 per stay', cityTax: 'NYC hotel occupancy tax 14.75 % + USD 3.50 per night, not included' },
  { id: 'HR-71421', tripId: 'TP-30702', city: 'Denpasar (Bali)', nightlyRate: 2150000, currency: 'IDR', freeUntil: null, ratePlan: 'Advance purchase, non-refundable', roomType: 'Garden villa with plunge pool', board: 'breakfast included', prepaid: true, confirmation: 'URT-0212988', address: ['Jalan Raya Tegallalang 88, Ubud', '80561', 'ID'], phone: '+62 361 900 1421', requests: ['Airport transfer on arrival'], pets: 'Not allowed', cityTax: 'Included' },
  { id: 'HR-71455', tripId: 'TP-30740', city: 'Dublin', nightlyRate: 215, currency: 'EUR', freeUntil: '2027-01-11T16:00', ratePlan: 'Conference rate (flexible)', roomType: 'Standard double', board: 'breakfast included', prepaid: false, confirmation: 'LQH-1145502', address: ['12 Ormond Quay Upper', 'D07 X2Y4', 'IE'], phone: '+353 1 500 1455', requests: [], pets: 'Assistance dogs only', cityTax: 'Included' },
];

const nightsBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export const hotelReservations: readonly HotelReservation[] = hotelSpecs.map((spec) => {
  const trip = trips.find((candidate) => candidate.id === spec.tripId) as Trip;
  const stay = trip.hotelReservations.find((candidate) => candidate.id === spec.id) as Trip['hotelReservations'][number];
  const nights = nightsBetween(stay.checkIn, stay.checkOut);
  const money = `${spec.currency} ${spec.nightlyRate.toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  return {
    id: spec.id,
    tripId: spec.tripId,
    hotelName: stay.hotelName,
    city: spec.city,
    checkIn: stay.checkIn,
    checkOut: stay.checkOut,
    nights,
    status: 'confirmed',
    refundable: spec.freeUntil !== null,
    freeCancellationUntil: spec.freeUntil,
    cancellationPenalty: spec.freeUntil === null
      ? `Non-refundable: the full stay (${spec.currency} ${(spec.nightlyRate * nights).toLocaleString('en-US', { minimumFractionDigits: 2 })}) is charged at booking.`
      : `Free cancellation until ${spec.freeUntil.replace('T', ' ')} hotel time; after that, or for a no-show, the first night (${money}) is charged.`,
    nightlyRate: spec.nightlyRate,
    currency: spec.currency,
    totalAmount: spec.nightlyRate * nights,
    ratePlan: spec.ratePlan,
    roomType: spec.roomType,
    boardBasis: spec.board,
    paymentTiming: spec.prepaid ? 'prepaid' : 'pay at hotel',
    confirmationNumber: spec.confirmation,
    guarantee: { type: 'card', cardBrand: trip.payment.cardBrand, cardLast4: trip.payment.cardLast4 },
    address: { line1: spec.address[0], city: spec.city, postalCode: spec.address[1], countryCode: spec.address[2] },
    phone: spec.phone,
    checkInTime: '15:00',
    checkOutTime: '11:00',
    specialRequests: spec.requests,
    policies: { children: 'Children of all ages welcome', pets: spec.pets, cityTax: spec.cityTax },
    bookedVia: 'Sabre SynXis (TMC connection)',
    createdAt: trip.bookedAt,
  };
});


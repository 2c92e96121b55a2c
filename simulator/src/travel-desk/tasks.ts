// The held-out travel-desk tasks: what a corporate travel agent asks, turn by turn, and the facts a correct final
// answer contains. Written and frozen before anyone tuned a runner against them (see fingerprint.ts); never use them
// to choose defaults.
import type { ModelStrength } from '../model-profile.ts';

export type TravelDeskTaskCategory =
  | 'independent-lookups'
  | 'dependent-chain'
  | 'session'
  | 'repeated-lookup'
  | 'slow-tool'
  | 'hard'
  | 'looping'
  | 'not-found'
  | 'action';

/** How the weak model goes wrong on a task it fails. */
export type WeakFailure =
  /** Answers before making a lookup the question needs. */
  | 'early-answer'
  /** Stops one hop short of the record that changes the answer. */
  | 'skipped-hop'
  /** Calls the right kind of tool with a plausible but wrong argument. */
  | 'wrong-argument'
  /** Reads the wrong field of a record it has. */
  | 'wrong-detail'
  /** Applies a rule wrongly to records it has. */
  | 'wrong-rule'
  /** Ignores one of the constraints the question states. */
  | 'ignored-constraint'
  /** Pages through results instead of asking for them in a useful order, and never gets there. */
  | 'endless-paging';

export interface TravelDeskTask {
  id: string;
  category: TravelDeskTaskCategory;
  /** One message for a single-turn task; 5–8 for a session, run in order on one conversation. */
  turns: string[];
  /** Facts the final answer must contain (case-insensitive). */
  expectedFacts: string[];
  /** The weak model (`sim-small`) gets it wrong. */
  hard?: boolean;
  weakFailure?: WeakFailure;
  /** The models that repeat themselves on this task until the client stops them. */
  loops?: ModelStrength[];
}

/** A system prompt for agents running these tasks: the desk, and today's date. */
export const TRAVEL_DESK_SYSTEM_PROMPT =
  'You are the travel-desk assistant of Northwind Analytics. Today is Thursday 17 December 2026. ' +
  'Use the tools to look facts up; answer the travel agent with the facts.';

export const travelDeskTasks: readonly TravelDeskTask[] = [
  {
    id: 'lookup-priya-before-callback',
    category: 'independent-lookups',
    turns: ['Before I call Priya Raman back (TR-2041): pull her profile and her trips, and tell me what our travel policy says about business class on long flights.'],
    expectedFacts: ['aisle', 'TP-30417', '9 hours'],
  },
  {
    id: 'lookup-two-departures',
    category: 'independent-lookups',
    turns: ['Two quick checks: is HC 1347 on time today, and what about PQ 317 on the 19th?'],
    expectedFacts: ['delayed', '11:40', 'on time'],
  },
  {
    id: 'lookup-mei-preferences',
    category: 'independent-lookups',
    turns: ['Mei Chen is TR-2052. What seat and meal does she prefer, and which trips has she got with us?'],
    expectedFacts: ['window', 'TP-30522'],
  },
  {
    id: 'chain-singapore-hotel-cancellation',
    category: 'dependent-chain',
    turns: ['Can Priya still cancel her Singapore hotel for free? Trip is TP-30417.'],
    expectedFacts: ['Marina Quay', '2026-12-18 18:00'],
  },
  {
    id: 'chain-ana-tokyo-departure',
    category: 'dependent-chain',
    turns: ["When does Ana Souza's flight to Tokyo leave San Francisco?"],
    expectedFacts: ['CL837', '13:05'],
  },
  {
    id: 'chain-tomasz-cancellation-fee',
    category: 'dependent-chain',
    turns: ["What does TP-30611's fare charge if Tomasz cancels before departure?"],
    expectedFacts: ['200.00'],
  },
  {
    id: 'chain-priya-miles',
    category: 'dependent-chain',
    turns: ['How many Horizon Club miles does Priya Raman have at the moment, and which tier is she on?'],
    expectedFacts: ['Gold', '184220'],
  },
  {
    id: 'session-priya',
    category: 'session',
    turns: [
      "I've got Priya Raman on the phone, traveller TR-2041. Can you bring up her profile?",
      'What trips does she have booked with us?',
      "She's flying out on TP-30417 — is her outbound flight on schedule?",
      'Does she need a visa for Singapore on her passport?',
      'How many checked bags does her ticket include?',
      "And the hotel — what's the cancellation deadline?",
      "Last thing: does she prefer window or aisle? I'll note it on the booking.",
    ],
    expectedFacts: ['aisle'],
  },
  {
    id: 'session-mei',
    category: 'session',
    turns: [
      "Mei Chen's trip TP-30522 — can you walk me through the itinerary?",
      'Her Frankfurt–Warsaw flight: is it leaving on time?',
      'Which gate does it go from?',
      'What do the fare conditions on her ticket say about changes?',
      'Can she use a lounge in Frankfurt while she waits, with her status?',
      'Sorry, what was the airline booking reference again? The desk in Frankfurt is asking.',
    ],
    expectedFacts: ['R4VD9P'],
  },
  {
    id: 'session-tomasz',
    category: 'session',
    hard: true,
    weakFailure: 'wrong-rule',
    turns: [
      'Tomasz Nowak, TR-2077, is off to Cape Town after Christmas. What trips does he have?',
      'Show me the flights on the Cape Town trip.',
      'Is the hotel there cancellable without a penalty?',
      "What's his checked baggage allowance on those flights?",
      'Any delays expected on the first flight out of Warsaw?',
      'He may have to call the whole trip off. If we cancel everything today, how much comes back to him?',
    ],
    expectedFacts: ['766.60'],
  },
  {
    id: 'repeat-pq317-saturday',
    category: 'repeated-lookup',
    turns: ['Is PQ 317 on Saturday still showing on time?'],
    expectedFacts: ['on time'],
  },
  {
    id: 'repeat-hc1347-gate',
    category: 'repeated-lookup',
    turns: ['Which gate is HC 1347 to Warsaw leaving from today, and is it still delayed?'],
    expectedFacts: ['B44', '11:40'],
  },
  {
    id: 'slow-briefing-ana',
    category: 'slow-tool',
    turns: ['Put together a pre-departure brief for Ana Souza (TR-2063): her Tokyo itinerary, hotel, and the current security risk rating for Japan if the risk service has one.'],
    expectedFacts: ['CL837', 'Shinagawa Bayside'],
  },
  {
    id: 'slow-briefing-olivia',
    category: 'slow-tool',
    turns: ['Olivia Grant (TR-2095) heads to Bali over Christmas. Can you give me a one-page brief: her flights, what she needs to enter Indonesia, and a risk summary for Indonesia if available?'],
    expectedFacts: ['visa on arrival', 'SD152', 'waitlisted'],
  },
  {
    id: 'hard-change-fee-priya',
    category: 'hard',
    hard: true,
    weakFailure: 'skipped-hop',
    turns: ['Priya (trip TP-30417) wants to fly home from Singapore two days later, on the 29th. What will the change itself cost her, before any fare difference?'],
    expectedFacts: ['waived', 'Gold'],
  },
  {
    id: 'hard-transit-visa-ana',
    category: 'hard',
    hard: true,
    weakFailure: 'skipped-hop',
    turns: ['Ana Souza (TR-2063) flies to Tokyo on the 22nd, connecting in San Francisco. Is she fine to travel on her Brazilian passport as things stand?'],
    expectedFacts: ['US visa'],
  },
  {
    id: 'hard-passport-tomasz',
    category: 'hard',
    hard: true,
    weakFailure: 'early-answer',
    turns: ['Tomasz Nowak (TR-2077) — is his passport good enough for the Cape Town trip?'],
    expectedFacts: ['2027-02-03', 'renew'],
  },
  {
    id: 'hard-connection-mei',
    category: 'hard',
    hard: true,
    weakFailure: 'wrong-detail',
    turns: ['Mei Chen on TP-30522 has just landed in Frankfurt, late. Is she still going to make her Warsaw connection?'],
    expectedFacts: ['62 minutes'],
  },
  {
    id: 'hard-rebooking-choice-lukas',
    category: 'hard',
    hard: true,
    weakFailure: 'ignored-constraint',
    turns: ['HC 118 tomorrow has been cancelled. Lukas Becker (TP-30655) has to land at JFK by 19:00 and his fare only lets us move him onto HC-operated flights. Which flight should he go on?'],
    expectedFacts: ['HC404'],
  },
  {
    id: 'hard-baggage-james',
    category: 'hard',
    hard: true,
    weakFailure: 'skipped-hop',
    turns: ['James Okafor (TR-2103) is flying to New York on Monday with two cases, 21 kg and 27 kg. What will he have to pay for bags at the airport?'],
    expectedFacts: ['140.00'],
  },
  {
    id: 'hard-locator-ana',
    category: 'hard',
    hard: true,
    weakFailure: 'wrong-argument',
    turns: ['Booking reference M2TB6Q: what time does Ana land in Tokyo?'],
    expectedFacts: ['2026-12-23 17:30'],
  },
  {
    id: 'loop-delay-polling',
    category: 'looping',
    loops: ['strong', 'weak'],
    turns: ['Lukas is at Munich airport for HC 2071 this afternoon and the board just says delayed. How late is it going to be?'],
    expectedFacts: ['to be advised', 'HC2070'],
  },
  {
    id: 'loop-bali-first-seat',
    category: 'looping',
    loops: ['strong', 'weak'],
    turns: ['Olivia is only waitlisted on the 23rd. Find the first day after that with a confirmed economy seat from Singapore to Bali.'],
    expectedFacts: ['sold out', '2026-12-24'],
  },
  {
    id: 'loop-zurich-hotel',
    category: 'looping',
    loops: ['weak'],
    hard: true,
    weakFailure: 'endless-paging',
    turns: ['Lukas needs a hotel in Zurich from 30 December to 2 January, within our CHF 180 a night cap. What can you find?'],
    expectedFacts: ['214.00'],
  },
  {
    id: 'loop-policy-pets',
    category: 'looping',
    loops: ['weak'],
    turns: ['Lukas wants to take his dog to Zurich. Will the company cover the pet\'s travel costs?'],
    expectedFacts: ['does not mention'],
  },
  {
    id: 'loop-seat-map-retry',
    category: 'looping',
    loops: ['weak'],
    turns: ["Olivia wants to pick a seat on SD 152 on the 23rd. What's still free?"],
    expectedFacts: ['not available'],
  },
  {
    id: 'not-found-trip',
    category: 'not-found',
    turns: ["The traveller says her trip number is TP-39999. What's on it?"],
    expectedFacts: ['TP-39999', 'could not find'],
  },
  {
    id: 'action-rebook-lukas',
    category: 'action',
    turns: ["Go ahead and rebook Lukas's cancelled HC 118 on TP-30655 onto HC 404 tomorrow, same cabin."],
    expectedFacts: ['HC404', 'RB-30655'],
  },
  {
    id: 'action-refund-james',
    category: 'action',
    turns: ["James's Dublin conference has been cancelled. Please raise a refund request for trip TP-30740."],
    expectedFacts: ['RF-30740'],
  },
];

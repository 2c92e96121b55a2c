// The held-out suite: the travel desk (`simulator/src/travel-desk/`), written and frozen by another engineer before
// any tuning, in another domain. Nothing in Hotpath's defaults was chosen on it; the benchmark runs it to measure.
// Its user-config settings come from each tool's own description, read with the same rules as the support desk's
// (support-desk-suite.ts): look-ups of stored records are read-only and cacheable; live data (a flight's status,
// seats left, free seats) is read-only but not cached; a service the description calls slow and optional gets a
// 2 s budget with a fallback, one it calls unreliable a 2 s budget; a write ("not safe to repeat") gets nothing.
import type { BenchSuite, UserToolSettings } from './bench-suite.ts';
import { checkAnswer, createTravelDeskTools, TRAVEL_DESK_FINGERPRINT, TRAVEL_DESK_SYSTEM_PROMPT, travelDeskPlaybook, travelDeskTasks } from './sdk.ts';
import type { TravelDeskTask } from './sdk.ts';

const lookup: UserToolSettings = { readOnly: true, cache: true };
const live: UserToolSettings = { readOnly: true };

/** The travel desk's tools as a user marks them after reading their descriptions. */
export const HELD_OUT_USER_TOOL_SETTINGS: Readonly<Record<string, UserToolSettings>> = {
  get_traveller: lookup,
  find_traveller: lookup,
  list_trips: lookup,
  get_trip: lookup,
  retrieve_pnr: lookup,
  get_flight_status: live, // "Live status of one flight"
  search_flights: live, // "with seats left and fares … Slow": needed for answers, so no timeout
  get_fare_rules: lookup,
  get_baggage_allowance: lookup,
  get_entry_requirements: lookup,
  get_hotel_reservation: lookup,
  search_hotels: lookup, // "… Slow": needed for answers, so no timeout
  get_loyalty_account: lookup,
  get_seat_map: { ...live, timeoutMs: 2_000 }, // "Free seats … Some airlines' seat-map services are unreliable."
  search_travel_policy: lookup,
  get_destination_risk: {
    ...lookup,
    timeoutMs: 2_000, // "Very slow; optional for most answers."
    fallback: { available: false, note: 'The risk-intelligence service did not answer in time.' },
  },
};

/** The held-out travel-desk suite (29 tasks). Its two writes keep state, so every task run gets a fresh tool set. */
export const heldOutSuite: BenchSuite<TravelDeskTask> = {
  id: 'held-out',
  title: 'Held-out suite: the travel desk (written and frozen before tuning; never used to choose defaults)',
  fingerprint: TRAVEL_DESK_FINGERPRINT,
  agentName: 'travel-desk',
  instructions: TRAVEL_DESK_SYSTEM_PROMPT,
  tasks: travelDeskTasks,
  createTools: (latencyScale) => createTravelDeskTools({ latencyScale }),
  freshToolsPerTask: true,
  playbook: travelDeskPlaybook,
  check: (task, answer) => checkAnswer(task, answer).correct,
  userToolSettings: HELD_OUT_USER_TOOL_SETTINGS,
};

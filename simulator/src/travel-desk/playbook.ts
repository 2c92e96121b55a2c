// What the simulated model knows about travel-desk work, as a playbook for the brain: the vocabulary of ids and
// fact lines, and the intents a travel agent's message can carry. Plans read only what the conversation shows
// (through `PlanContext`); they never import the desk's data.
import type { Playbook } from '../brain/playbook.ts';
import { actionIntents } from './action-intents.ts';
import { lookupIntents } from './lookup-intents.ts';
import { reasoningIntents } from './reasoning-intents.ts';
import { searchIntents } from './search-intents.ts';
import { travelDeskVocabulary } from './vocabulary.ts';

/** The travel desk's playbook for the simulated model: `startSimulatedServer({ playbook: travelDeskPlaybook })`. */
export const travelDeskPlaybook: Playbook = {
  ...travelDeskVocabulary,
  intents: [...lookupIntents, ...searchIntents, ...reasoningIntents, ...actionIntents],
  fallbackAnswer:
    'I can look up travellers, trips and bookings (by trip id or record locator), flight status, fare and baggage rules, ' +
    'entry requirements, hotel reservations, loyalty accounts, the travel policy and destination risk, search flights and ' +
    'hotels, rebook flights and raise refund requests. Tell me the traveller or trip and what you need.',
};

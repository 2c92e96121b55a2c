// The held-out travel-desk workload: data behind tools, the tools themselves, the frozen tasks, the playbook the
// simulated model uses for this domain, and the fingerprints that pin them. Grade answers with `checkAnswer`.
export { TRAVEL_DESK_BEHAVIOUR_FINGERPRINT, TRAVEL_DESK_FINGERPRINT, TRAVEL_DESK_SUITE_FILES } from './fingerprint.ts';
export { travelDeskPlaybook } from './playbook.ts';
export { TRAVEL_DESK_TODAY } from './reference-date.ts';
export {
  TRAVEL_DESK_SYSTEM_PROMPT,
  travelDeskTasks,
  type TravelDeskTask,
  type TravelDeskTaskCategory,
  type WeakFailure,
} from './tasks.ts';
export { createTravelDeskTools, type TravelDeskTool, type TravelDeskToolOptions } from './tools.ts';
export { TravelDeskConflictError, TravelDeskNotFoundError, TravelDeskUpstreamError } from './travel-desk-error.ts';

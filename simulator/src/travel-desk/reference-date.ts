// The day the travel desk's world is set on. The data set is fixed as of this date, and the simulated model knows
// it the way hosted assistants are told the current date, so "tomorrow" and "on Saturday" mean the same to both.

/** Thursday 17 December 2026. */
export const TRAVEL_DESK_TODAY = '2026-12-17';

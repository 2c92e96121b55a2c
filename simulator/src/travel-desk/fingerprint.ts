// The held-out suite is frozen: these fingerprints pin its sources and the simulated model's behaviour on it, so a
// benchmark can print which suite it ran and nobody can tune the suite towards a runner by accident. Changing either
// needs a deliberate, reviewed commit that says why (fingerprint.test.ts and workload.test.ts check them).

/** The source files that make up the suite, relative to this folder; hashed in this order. */
export const TRAVEL_DESK_SUITE_FILES: readonly string[] = [
  'reference-date.ts', 'schedule.ts', 'data.ts', 'rules.ts', 'hotel-inventory.ts', 'seeded-random.ts', 'travel-desk-error.ts',
  'tools.ts', 'tasks.ts', 'vocabulary.ts', 'understanding.ts', 'resolve.ts', 'lookup-intents.ts', 'search-intents.ts',
  'reasoning-intents.ts', 'action-intents.ts', 'playbook.ts', '../workload-tool.ts', '../support-desk/check-answer.ts',
];

/** sha256 over the suite's source files (LF line endings, each prefixed by its path). */
export const TRAVEL_DESK_FINGERPRINT = 'sha256:41ac392ce460f7bb8d86ae507cd2021d7a279a06b194dc73669791b7bf4580d9';

/** sha256 over both models' tool calls, forced answers and final answers on every task with the reference loop. */
export const TRAVEL_DESK_BEHAVIOUR_FINGERPRINT = 'sha256:c4cb86d7318530a07ee76edda5bd9005df7bd8c2b2ff70ce1cf767463bd9069d';

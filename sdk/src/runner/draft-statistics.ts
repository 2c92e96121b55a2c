// How often a draft was not enough, per agent and per step of a run: the `auto` race of the draft cascade starts the
// answer model together with the draft on the steps where it has usually been needed (typically the step after the
// last lookups), and only once the draft starts writing text on the others (typically the first step), so answer
// steps do not wait for the draft while tool steps do not pay for an answer-model call they cancel. Bounded: a few
// counters per agent, for the first MAX_TRACKED_STEP steps of a run (later steps share the last counter), at most
// MAX_AGENTS agents (the oldest forgotten).

const MAX_TRACKED_STEP = 6;
const MAX_AGENTS = 200;
/** Observations a step needs before its share decides; until then the cautious `on-text` race. */
const MIN_OBSERVATIONS = 3;

interface Counts {
  drafted: number;
  needed: number;
}

/** Per agent and step: drafts made, and how many of them the answer model had to replace. */
export class DraftStatistics {
  readonly #agents = new Map<string, Counts[]>();

  /** Records whether the answer model was needed at `step` of a run of `agent`. */
  record(agent: string, step: number, answerNeeded: boolean): void {
    let counts = this.#agents.get(agent);
    if (!counts) {
      if (this.#agents.size >= MAX_AGENTS) this.#agents.delete(this.#agents.keys().next().value!);
      counts = [];
      this.#agents.set(agent, counts);
    }
    const slot = (counts[Math.min(step, MAX_TRACKED_STEP)] ??= { drafted: 0, needed: 0 });
    slot.drafted += 1;
    if (answerNeeded) slot.needed += 1;
  }

  /** The share of drafts at `step` the answer model replaced, with how many were seen; undefined before any. */
  neededShare(agent: string, step: number): { share: number; drafted: number } | undefined {
    const slot = this.#agents.get(agent)?.[Math.min(step, MAX_TRACKED_STEP)];
    return slot ? { share: slot.needed / slot.drafted, drafted: slot.drafted } : undefined;
  }

  /** Whether the `auto` race should start the answer model together with the draft at this step. */
  raceFromStart(agent: string, step: number): boolean {
    const seen = this.neededShare(agent, step);
    return seen !== undefined && seen.drafted >= MIN_OBSERVATIONS && seen.share >= 0.5;
  }
}

// The contract between the run loop and history management: before each model call the loop hands the history
// to `condenseHistory`, which may mask stale tool outputs and summarise older turns to stay within a token budget.
import type { Message } from '../messages.ts';

export interface HistoryPolicy {
  /** Condense when the estimated input tokens of the history exceed this. */
  maxInputTokens: number;
  /** The most recent messages are never condensed (default 6). */
  keepRecentMessages?: number;
  /** Summarise older turns with a model call when masking alone does not get under budget (default true). */
  summarize?: boolean;
  /** The cheap model used for summaries; the run loop makes the call (it is a `summarize` model call in spans). */
  summaryModel?: string;
}

export interface CondenseResult {
  messages: Message[];
  /** Present when anything changed. */
  condensed?: {
    strategy: 'mask-tool-outputs' | 'summarize' | 'drop';
    tokensBefore: number;
    tokensAfter: number;
    messagesBefore: number;
    messagesAfter: number;
  };
}

/** Makes the summary model call for the condenser; supplied by the run loop so the call is traced and budgeted. */
export type Summarizer = (messages: Message[], signal?: AbortSignal) => Promise<string>;

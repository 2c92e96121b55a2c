// History management: keep a conversation within a token budget without losing the facts the task needs.
export type { CondenseResult, HistoryPolicy, Summarizer } from './history-policy.ts';
export {
  condenseHistory,
  DEFAULT_KEEP_RECENT_MESSAGES,
  DEFAULT_TARGET_RATIO,
  type CondenseOptions,
} from './condense-history.ts';
export { estimateMessageTokens, estimateTextTokens, estimateTokens } from './estimate-tokens.ts';
export { HistoryError } from './history-error.ts';
export { isMaskedToolOutput } from './mask-tool-output.ts';
export { isSummaryMessage } from './summary-message.ts';
export { buildSummaryRequest, SUMMARY_INSTRUCTIONS } from './summary-request.ts';
export { findToolPairingViolations } from './tool-pairing.ts';

// @hotpath/sdk/openai: GenAI spans for the `openai` client (Chat Completions and Responses, streamed or not).
// `instrument(new OpenAI())` from `@hotpath/sdk` does the same; this entry point also gives the options' type.
export { instrumentOpenAI, isOpenAIClient } from './instrument-openai.ts';
export type { InstrumentOpenAIOptions, OpenAIClientLike } from './instrument-openai.ts';

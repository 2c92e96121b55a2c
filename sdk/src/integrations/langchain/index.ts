// @hotpath/sdk/langchain: LangChain.js runs as OpenTelemetry GenAI spans, through a callback handler. Needs
// `@langchain/core` installed (an optional peer dependency of @hotpath/sdk).
export { HotpathCallbackHandler } from './hotpath-callback-handler.ts';

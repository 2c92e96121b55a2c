// The provider module's public surface: the interface, the providers, their errors and retry helpers.
export type {
  FinishReason,
  ModelCallOptions,
  ModelProvider,
  ModelRequest,
  ModelStreamEvent,
  ModelUsage,
  RetryPolicy,
  ToolSpec,
  TransportInfo,
} from './model-provider.ts';
export { openaiCompatible, type OpenAICompatibleOptions } from './openai-compatible.ts';
export { anthropic, type AnthropicOptions } from './anthropic.ts';
export type { CacheBreakpoints } from './anthropic-messages-request.ts';
export type { MaxTokensField } from './openai-chat-request.ts';
export {
  ModelCallAbortedError,
  ProviderConfigurationError,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderResponseError,
  StreamInterruptedError,
} from './provider-errors.ts';
export { DEFAULT_RETRY_POLICY } from './retry-policy.ts';

import { describeProviderConformance } from './conformance/provider-conformance.ts';
import { openaiWireFormat } from './conformance/openai-wire-format.ts';
import { openaiCompatible } from './openai-compatible.ts';

describeProviderConformance('openaiCompatible', {
  wire: openaiWireFormat,
  createProvider: (baseURL) => openaiCompatible({ baseURL, apiKey: 'sk-test' }),
});

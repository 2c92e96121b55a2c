// The test lifecycle every provider suite shares: one scripted server for the suite, a fresh provider and an empty
// reply queue for each test, everything closed at the end.
import { after, before, beforeEach } from 'node:test';
import type { ModelProvider } from '../model-provider.ts';
import { startScriptedHttpServer, type ScriptedHttpServer } from './scripted-http-server.ts';

/**
 * Registers the hooks inside the calling `describe`; before each test, `use` receives the server and that test's
 * provider.
 *
 * @example
 * let server: ScriptedHttpServer;
 * let provider: ModelProvider;
 * useScriptedProvider((baseURL) => openaiCompatible({ baseURL }), (s, p) => ((server = s), (provider = p)));
 */
export function useScriptedProvider(
  createProvider: (baseURL: string) => ModelProvider,
  use: (server: ScriptedHttpServer, provider: ModelProvider) => void,
): void {
  let server: ScriptedHttpServer;
  let provider: ModelProvider | undefined;
  before(async () => {
    server = await startScriptedHttpServer();
  });
  beforeEach(async () => {
    await provider?.close?.();
    const fresh = createProvider(server.baseURL);
    provider = fresh;
    server.reset();
    use(server, fresh);
  });
  after(async () => {
    await provider?.close?.();
    await server.close();
  });
}

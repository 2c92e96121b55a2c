// Before a real endpoint gets the whole workload, one cheap request proves it answers and knows the models, so a
// wrong URL, key or model name ends in one clear sentence instead of 27 failed tasks.

export class EndpointCheckError extends Error {
  override readonly name = 'EndpointCheckError';
}

/**
 * Lists the endpoint's models (`GET {baseURL}/models`) and checks the wanted ones are served. Servers that list no
 * models (some proxies) pass on reachability alone.
 *
 * @example
 * await checkEndpoint('https://api.openai.com/v1', process.env.OPENAI_API_KEY!, ['gpt-4.1-nano', 'gpt-4.1']);
 */
export async function checkEndpoint(baseURL: string, apiKey: string, models: readonly string[], timeoutMs = 10_000): Promise<void> {
  const url = `${baseURL.replace(/\/+$/, '')}/models`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new EndpointCheckError(`cannot reach the model endpoint ${baseURL} (${cause})`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new EndpointCheckError(`the model endpoint ${baseURL} refused the API key (HTTP ${response.status})`);
  }
  if (!response.ok) throw new EndpointCheckError(`the model endpoint ${baseURL} answered HTTP ${response.status} to GET /models`);
  const body = (await response.json().catch(() => null)) as { data?: { id?: unknown }[] } | null;
  const served = new Set((body?.data ?? []).map((model) => model.id).filter((id): id is string => typeof id === 'string'));
  const missing = served.size === 0 ? [] : models.filter((model) => !served.has(model));
  if (missing.length > 0) {
    throw new EndpointCheckError(
      `the model endpoint ${baseURL} does not serve ${missing.join(', ')} (it serves ${[...served].slice(0, 12).join(', ')}${served.size > 12 ? ', …' : ''}); pick others with --model-small / --model-large`,
    );
  }
}

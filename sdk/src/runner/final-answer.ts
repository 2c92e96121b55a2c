// Ending early with the best answer the run has: when a budget runs out, the model is stuck or the step cap is
// reached, the model gets one last call with tools switched off (`tool_choice: none`, the tool schemas kept so the
// prompt prefix still hits the cache) and, unless `stuckDetection.finalNudge` is false, a message telling it to answer
// from what it has. A run out of time instead returns the last text the model wrote, when there is one, rather than
// spend more time.
import type { Message } from '../messages.ts';
import { callModel } from './call-model.ts';
import { DEFAULT_FINAL_NUDGE } from './optimizations.ts';
import { prepareStep } from './prepare-step.ts';
import { recordStep } from './record-step.ts';
import type { RunContext } from './run-context.ts';

/** Returns the final answer, making the tool-less call when needed (it becomes the run's last step). */
export async function answerNow(run: RunContext, reason: string, options: { preferLastText: boolean; signal: AbortSignal }): Promise<string> {
  if (options.preferLastText) {
    const lastText = lastAssistantText(run);
    if (lastText !== undefined) return lastText;
  }
  const step = run.steps.length;
  const prepared = await prepareStep(run, step, options.signal, { final: true, toolChoice: 'none', extra: nudgeMessages(run, reason) });
  const response = await callModel(run, {
    request: prepared.request,
    step,
    purpose: 'chat',
    ...(prepared.routing ? { routing: prepared.routing } : {}),
    signal: options.signal,
  });
  // Tool calls in a response that was asked for none cannot be answered: keep only the text, so the history stays valid.
  const message = { role: 'assistant' as const, content: response.text || null, model: prepared.request.model };
  recordStep(run, step, response, prepared.routing, [], message);
  return response.text;
}

/** The nudge of the final call, as configured (`stuckDetection.finalNudge`; the default when detection is off). */
function nudgeMessages(run: RunContext, reason: string): Message[] {
  const nudge = run.settings.stuckDetection ? run.settings.stuckDetection.finalNudge : DEFAULT_FINAL_NUDGE;
  if (nudge === false) return [];
  const content = typeof nudge === 'function' ? nudge(reason) : nudge;
  return typeof content === 'string' && content !== '' ? [{ role: 'user', content }] : [];
}

/** The last text the model wrote since the user's latest message, if any. */
export function lastAssistantText(run: RunContext): string | undefined {
  for (let index = run.messages.length - 1; index >= 0; index--) {
    const message = run.messages[index]!;
    if (message.role === 'user') return undefined;
    if (message.role === 'assistant' && message.content) return message.content;
  }
  return undefined;
}

// `hotpath report-prompt <module>`: loads a module, finds the Agents it exports, and prints what each one's fixed
// prompt costs (instructions and every tool schema, per request) with the compressed variant Hotpath proposes.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent } from '../agent/agent.ts';
import { promptReport, type CompressionLevel, type PromptReport } from '../agent/prompt-report.ts';
import { CliError } from './cli-error.ts';

/**
 * The prompt reports of the Agents a module exports (all of them, or the one named `exportName`).
 *
 * @example
 * const reports = await reportPrompt('./dist/agents.js', { level: 'aggressive' });
 */
export async function reportPrompt(modulePath: string, options: { exportName?: string; level: CompressionLevel }): Promise<PromptReport[]> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, unknown>;
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new CliError(`Node cannot load ${modulePath} by itself: run hotpath with a TypeScript loader (node --import tsx "$(command -v hotpath)" report-prompt ${modulePath}), or point it at the compiled .js.`, { cause });
    }
    throw new CliError(`Cannot load ${modulePath}: ${(cause as Error).message}`, { cause });
  }
  const entries = Object.entries(loaded).filter(([name, value]) => value instanceof Agent && (options.exportName === undefined || name === options.exportName));
  if (entries.length === 0) {
    const what = options.exportName ? `an Agent named "${options.exportName}"` : 'any Agent';
    throw new CliError(`${modulePath} does not export ${what} (exports: ${Object.keys(loaded).join(', ') || 'none'}).`);
  }
  return entries.map(([, agent]) => promptReport(agent as Agent, options.level));
}

/** The report as the terminal shows it: one line per part, then what changed. */
export function formatPromptReport(report: PromptReport): string {
  const width = Math.max(12, ...report.tools.map((tool) => tool.name.length));
  const line = (label: string, before: number, after: number) =>
    `  ${label.padEnd(width)}  ${String(before).padStart(6)} → ${String(after).padStart(6)}${after < before ? `  (−${before - after})` : ''}`;
  const saved = report.tokens - report.compressedTokens;
  return [
    `agent ${report.agent}: ${report.tokens} tokens before the messages of every request (instructions ${report.instructions.tokens}, ${report.tools.length} tool schemas ${report.tokens - report.instructions.tokens}); ${report.level}: ${report.compressedTokens} (−${saved}, ${report.tokens > 0 ? ((saved / report.tokens) * 100).toFixed(1) : '0.0'}%)`,
    line('instructions', report.instructions.tokens, report.instructions.compressedTokens),
    ...report.tools.map((tool) => line(tool.name, tool.tokens, tool.compressedTokens)),
    report.changes.length > 0 ? `  changes: ${report.changes.join('; ')}` : '  nothing to compress',
  ].join('\n');
}

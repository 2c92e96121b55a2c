// What the signal tests need to know about processes: who descends from whom and whether one still runs (read
// from `ps`, which every Linux and macOS machine has), and a wait until something holds.
import { execFileSync } from 'node:child_process';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

/**
 * Every process below `pid` (children, their children, …) with its command line as `ps` shows it.
 *
 * @example
 * const next = descendants(npm.pid!).find((process) => /next-server/.test(process.command));
 */
export function descendants(pid: number): ProcessInfo[] {
  const all = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3]! }));
  const found: ProcessInfo[] = [];
  const parents = [pid];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const child of all.filter((process) => process.ppid === parent)) {
      found.push(child);
      parents.push(child.pid);
    }
  }
  return found;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until `check` holds, polling every 100 ms, or throws `what` after `timeoutMs`.
 *
 * @example
 * await eventually(async () => !(await portAnswers(3000)), 'the dashboard port to be free');
 */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

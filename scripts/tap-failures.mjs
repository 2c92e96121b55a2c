// Reads node's TAP report for the failed tests, each with where it failed in the test file, so the end of a long
// run can list them instead of leaving the reader to scroll back through every package's output.

/**
 * The failed tests of a TAP report: their names (suite › test), the first stack frame inside the test file (else
 * the test's own location), and the first line of the error. Suites that failed only because a test inside failed
 * are left out: the test is listed.
 *
 * @example
 * for (const failure of tapFailures(readFileSync('e2e.tap', 'utf8'))) console.log(`${failure.where}  ${failure.name}`);
 */
export function tapFailures(tap) {
  const lines = tap.split('\n');
  const failures = [];
  const parents = [];
  for (let index = 0; index < lines.length; index++) {
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(lines[index]);
    if (subtest) {
      const depth = subtest[1].length / 4;
      parents.length = depth;
      parents[depth] = subtest[2];
      continue;
    }
    const result = /^(\s*)not ok \d+ - (.*?)(?: # .*)?$/.exec(lines[index]);
    if (!result) continue;
    const indent = result[1];
    const depth = indent.length / 4;
    const block = [];
    if (lines[index + 1]?.trim() === '---') {
      for (let next = index + 2; next < lines.length && lines[next].trim() !== '...'; next++) block.push(lines[next]);
    }
    const field = (key) => block.find((line) => line.startsWith(`${indent}  ${key}: `))?.slice(indent.length + key.length + 4);
    if (field('failureType') === "'subtestsFailed'") continue;
    const location = field('location')?.replace(/^'|'$/g, '');
    const file = location?.replace(/:\d+:\d+$/, '');
    const stackAt = block.findIndex((line) => line.startsWith(`${indent}  stack: `));
    const stack = stackAt === -1 ? [] : block.slice(stackAt + 1);
    const frame = file && stack.map((line) => line.trim()).find((line) => line.includes(`${file}:`));
    const where = frame ? /\(?([^()\s]+:\d+:\d+)\)?$/.exec(frame)?.[1] : location;
    const errorStart = block.findIndex((line) => line.startsWith(`${indent}  error: `));
    let message = errorStart === -1 ? '' : block[errorStart].slice(indent.length + 9).replace(/^\|-?$/, '');
    if (message === '' && errorStart !== -1) message = block[errorStart + 1]?.trim() ?? '';
    failures.push({ name: [...parents.slice(0, depth), result[2]].join(' › '), where: where ?? '(unknown location)', message: message.replace(/^'|'$/g, '') });
  }
  return failures;
}

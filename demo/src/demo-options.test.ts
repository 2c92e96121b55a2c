import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { supportDeskTasks } from '@hotpath/simulator';
import { demoHelp, DemoOptionsError, parseDemoOptions } from './demo-options.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseDemoOptions(argv, env, supportDeskTasks);

describe('demo options', () => {
  it('defaults to loopback ports 4318 and 3000 and the simulated model server', () => {
    const options = parse([]);
    assert.equal(options.collectorPort, 4318);
    assert.equal(options.dashboardPort, 3000);
    assert.equal(options.host, '127.0.0.1');
    assert.equal(options.real, undefined);
    assert.equal(options.exit, false);
  });

  it('lets flags win over environment variables, and reads an empty variable as unset', () => {
    const options = parse(['--collector-port', '5000'], { HOTPATH_COLLECTOR_PORT: '6000', HOTPATH_DEMO_EXIT: '1', HOTPATH_DATA_DIR: '' });
    assert.equal(options.collectorPort, 5000);
    assert.equal(options.exit, true);
    assert.equal(options.dataDir, 'data');
  });

  it('switches to a real endpoint when OPENAI_BASE_URL and OPENAI_API_KEY are given, one model for both roles included', () => {
    const options = parse(['--model-small', 'm', '--model-large', 'm'], { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_API_KEY: 'k' });
    assert.deepEqual(options.real, { baseURL: 'http://127.0.0.1:11434/v1', apiKey: 'k', smallModel: 'm', largeModel: 'm' });
  });

  it('names the flag or variable and what it accepts for every bad value', () => {
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--collector-port', '99999'], {}, /^--collector-port: expected a port from 1 to 65535, got "99999"$/],
      [['--dashboard-port', '0'], {}, /^--dashboard-port: expected a port from 1 to 65535/],
      [[], { HOTPATH_DASHBOARD_PORT: 'http' }, /^HOTPATH_DASHBOARD_PORT: expected a port/],
      [['--repetitions', 'two'], {}, /^--repetitions: expected a whole number from 1 to 1000, got "two"$/],
      [['--data-dir', ''], {}, /^--data-dir: expected a folder for the SQLite file, got an empty value$/],
      [['--host', ' '], {}, /^--host: expected a listen address/],
      [['--tasks', ','], {}, /^--tasks: expected task ids or categories separated by commas/],
      [['--tasks', 'nope,session'], {}, /^--tasks: no task or category named "nope" \(categories: independent-lookups, .*session/],
      [[], { HOTPATH_DEMO_TASKS: 'nope' }, /^HOTPATH_DEMO_TASKS: no task or category named "nope"/],
      [['--openai-base-url', 'localhost:11434'], { OPENAI_API_KEY: 'k' }, /^--openai-base-url: expected an http\(s\) URL/],
      [['--model-small', ''], { OPENAI_BASE_URL: 'http://x/v1', OPENAI_API_KEY: 'k' }, /^--model-small: expected a model name, got an empty value$/],
      [[], { OPENAI_BASE_URL: 'http://x/v1' }, /needs an API key too/],
      [['--bogus'], {}, /^Unknown option '--bogus' \(see --help\)$/],
    ];
    for (const [argv, env, message] of cases) {
      assert.throws(() => parse(argv, env), (error: Error) => error instanceof DemoOptionsError && message.test(error.message), `${argv.join(' ')} ${JSON.stringify(env)}`);
    }
  });

  it('takes task ids and categories, like the benchmark', () => {
    assert.deepEqual(parse(['--tasks', 'session, lookup-overview-ada,,hard']).tasks, ['session', 'lookup-overview-ada', 'hard']);
  });

  it('lists every task id under its category in the help', () => {
    const help = demoHelp(supportDeskTasks);
    for (const task of supportDeskTasks) assert.ok(help.includes(task.id), task.id);
    assert.match(help, /\n {2}session: session-alan, session-ada/);
  });
});

import { loadConfig } from '@resonance/config';
import { startedProcesses } from '../src/commands/start-processes';

const production = {
  NODE_ENV: 'production',
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SESSION_SECRET: 'p'.repeat(40),
};

describe('resonance start: which processes run', () => {
  it('in production runs worker and api, never the sim and its invented traffic, unless asked', () => {
    const config = loadConfig(production);
    expect(startedProcesses(config, [])).toEqual(['worker', 'api']);
    expect(startedProcesses(config, ['--with-sim'])).toEqual(['sim', 'worker', 'api']);
    expect(startedProcesses(loadConfig({ ...production, START_SIM: 'true' }), [])).toEqual(['sim', 'worker', 'api']);
  });

  it('in development and demo runs the sim too, unless told not to', () => {
    const config = loadConfig({});
    expect(startedProcesses(config, [])).toEqual(['sim', 'worker', 'api']);
    expect(startedProcesses(config, ['--no-sim'])).toEqual(['worker', 'api']);
    expect(startedProcesses(loadConfig({ START_SIM: 'false' }), [])).toEqual(['worker', 'api']);
  });

  it('refuses an option it does not know, naming it', () => {
    expect(() => startedProcesses(loadConfig({}), ['--whith-sim'])).toThrow(/unknown option "--whith-sim"/);
  });
});

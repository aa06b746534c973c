import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const compose = readFileSync(join(__dirname, '..', '..', '..', 'docker-compose.yml'), 'utf8');

/** The lines of one top-level service of docker-compose.yml (two-space indent, up to the next one). */
function serviceBlock(name: string): string {
  const match = new RegExp(`^ {2}${name}:\\n((?: {4}.*\\n|\\n)*)`, 'm').exec(compose);
  if (!match) throw new Error(`docker-compose.yml has no service ${name}`);
  return match[1];
}

// Production must not run the simulator and its invented traffic unless asked (issue 20, item 15):
// `docker compose up` starts only the services without a profile.
describe('docker-compose.yml runs the simulator only when asked', () => {
  it('puts the sim behind the "sim" profile', () => {
    expect(serviceBlock('sim')).toMatch(/^ {4}profiles: \["sim"\]$/m);
  });

  it('starts api, worker, web, PostgreSQL and Redis without a profile', () => {
    for (const name of ['api', 'worker', 'web', 'postgres', 'redis']) expect(serviceBlock(name)).not.toMatch(/^ {4}profiles:/m);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_FLAGS } from '../src';

const root = join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** `node <flags> apps/<name>/dist/main.js` as each file spells it. */
const commandLine = (name: keyof typeof NODE_FLAGS) => ['node', ...NODE_FLAGS[name], `apps/${name}/dist/main.js`];

describe('the api and the worker are started with the same V8 flags everywhere', () => {
  it('sizes the heap of the api and of the worker, and of no other process', () => {
    for (const name of ['api', 'worker'] as const) {
      expect(NODE_FLAGS[name]).toEqual(
        expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/), expect.stringMatching(/^--max-semi-space-size=\d+$/)]),
      );
    }
    expect(NODE_FLAGS.sim).toEqual([]);
  });

  it('in the Dockerfile (the image runs the api by default)', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'));
    expect(cmd && JSON.parse(cmd[1])).toEqual(commandLine('api'));
  });

  it('in the api service of docker-compose.yml', () => {
    const api = /^ {2}api:\n(?: {4}.*\n)*? {4}command: (\[.*\])$/m.exec(read('docker-compose.yml'));
    const [, , script] = JSON.parse(api![1]) as string[];
    expect(script).toMatch(new RegExp(`&& exec ${commandLine('api').join(' ')}$`));
  });

  it('and docker-compose.yml starts the worker with its flags and the sim without any', () => {
    const compose = read('docker-compose.yml');
    for (const name of ['worker', 'sim'] as const)
      expect(compose).toContain(
        `command: [${commandLine(name)
          .map((a) => JSON.stringify(a))
          .join(', ')}]`,
      );
  });
});

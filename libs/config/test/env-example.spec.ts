import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configVariableNames, loadConfig } from '../src';

const parseEnvFile = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
  );

describe('.env.example', () => {
  const example = parseEnvFile(readFileSync(join(__dirname, '..', '..', '..', '.env.example'), 'utf8'));

  it('lists every variable of the schema, and nothing else', () => {
    expect(Object.keys(example).sort()).toEqual(configVariableNames().sort());
  });

  it('is a valid configuration as it stands', () => {
    expect(() => loadConfig(example)).not.toThrow();
  });
});

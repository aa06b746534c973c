import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorld, RESTART_ID_GAP, WorldSaver } from './world-state';

describe('the world state file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'resonance-world-state-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('continues a saved world above its counters, and starts a new one (with one line) for a broken file or another seed', () => {
    const path = join(dir, 'world.json');
    const saved = openWorld(path, 42, 30, 1_000);
    new WorldSaver(path, saved, () => ({ facebook: 1234 })).stop();
    expect(openWorld(path, 42, 7, 9_000)).toEqual({ seed: 42, createdAt: 1_000, historyDays: 30, floors: { facebook: 1234 + RESTART_ID_GAP }, resumed: true });

    const lines: string[] = [];
    expect(openWorld(path, 43, 30, 9_000, (l) => lines.push(l))).toMatchObject({ createdAt: 9_000, resumed: false });
    writeFileSync(path, '{"version":1,"seed":42,"createdAt":"x"');
    expect(openWorld(path, 42, 30, 9_000, (l) => lines.push(l))).toMatchObject({ createdAt: 9_000, resumed: false });
    expect(lines).toEqual([`world state in ${path} is of seed 42, not 43; starting a new world`, `world state in ${path} is unreadable; starting a new world`]);
  });

  it('logs a state file it cannot write instead of failing', () => {
    const path = join(dir, 'file', 'world.json');
    writeFileSync(join(dir, 'file'), 'a file where a folder should be');
    const lines: string[] = [];
    const saver = new WorldSaver(
      path,
      openWorld(null, 1, 0, 0),
      () => ({ x: 1 }),
      (l) => lines.push(l),
    );
    expect(() => saver.stop()).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^world state not saved to .*world\.json: /);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('a file where a folder should be');
  });
});

import { trackCursors } from './sync-run';

interface Cursor {
  createdAt: string;
  offset: number;
  polledAt?: string;
}

const windowStart = Date.parse('2026-12-01T00:00:00Z');

describe('trackCursors: the per-post cursors of a comments stream', () => {
  it('keeps stored cursors inside the window, adds the posts just seen, and drops what left the window', () => {
    const { cursors, tracked } = trackCursors<Cursor>({
      stored: {
        old: { createdAt: '2026-11-30T23:59:59Z', offset: 7 },
        kept: { createdAt: '2026-12-02T00:00:00Z', offset: 3, polledAt: '2026-12-06T00:00:00Z' },
      },
      seen: [
        ['kept', '2026-12-02T00:00:00Z'],
        ['new', '2026-12-05T00:00:00Z'],
      ],
      windowStart,
      max: 10,
      initial: { offset: 0 },
    });
    expect(cursors).toEqual({
      kept: { createdAt: '2026-12-02T00:00:00Z', offset: 3, polledAt: '2026-12-06T00:00:00Z' },
      new: { createdAt: '2026-12-05T00:00:00Z', offset: 0 },
    });
    // Newest first.
    expect(tracked.map(([id]) => id)).toEqual(['new', 'kept']);
  });

  it('tracks at most `max`, the newest; moving a tracked cursor on changes what is committed', () => {
    const seen: Array<[string, string]> = Array.from({ length: 5 }, (_, i) => [`p${i}`, `2026-12-0${i + 2}T00:00:00Z`]);
    const { cursors, tracked } = trackCursors<Cursor>({ stored: {}, seen, windowStart, max: 3, initial: { offset: 0 } });
    expect(tracked.map(([id]) => id)).toEqual(['p4', 'p3', 'p2']);
    expect(Object.keys(cursors).sort()).toEqual(['p2', 'p3', 'p4']);
    tracked[0][1].offset = 42;
    expect(cursors.p4.offset).toBe(42);
  });

  it('never changes the stored state it was given (a failed run must leave it as saved)', () => {
    const stored = { a: { createdAt: '2026-12-03T00:00:00Z', offset: 1 } };
    const { tracked } = trackCursors<Cursor>({ stored, seen: [], windowStart, max: 5 });
    tracked[0][1].offset = 9;
    expect(stored.a.offset).toBe(1);
  });
});

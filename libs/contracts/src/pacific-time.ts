/**
 * YouTube's daily quota resets at midnight Pacific time (America/Los_Angeles, with its daylight
 * saving changes), whatever the caller's time zone. Computed with Intl, which carries the tz data.
 * One implementation for both sides of that contract: the YouTube connector plans its units by it
 * and the sim resets its quota by it.
 */
const ZONE = 'America/Los_Angeles';

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const HOUR_MS = 3_600_000;
/** Pacific offsets by UTC hour: US clock changes fall on whole UTC hours, so an hour has one offset. */
const offsets = new Map<number, number>();
const MAX_CACHED_HOURS = 64;

/**
 * The Pacific wall clock at an instant. Intl's formatToParts is slow (tens of µs), and the YouTube
 * budget asks several times per sync run (a fleet's runs are thousands a minute): it is asked once
 * per UTC hour for that hour's offset, and the wall clock follows from it by arithmetic.
 */
function wallParts(epochMs: number): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(formatter.formatToParts(new Date(hour * HOUR_MS)).map((x) => [x.type, x.value]));
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - hour * HOUR_MS;
    if (offsets.size >= MAX_CACHED_HOURS) offsets.clear();
    offsets.set(hour, offset);
  }
  const wall = new Date(epochMs + offset);
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    h: wall.getUTCHours(),
    mi: wall.getUTCMinutes(),
    s: wall.getUTCSeconds(),
  };
}

/** Pacific wall time minus UTC at this instant (−7 h or −8 h), in ms. */
function offsetMs(epochMs: number): number {
  const w = wallParts(epochMs);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(epochMs / 1000) * 1000;
}

/** The Pacific calendar day of an instant, YYYY-MM-DD: the quota day it counts against. */
export function pacificDay(epochMs: number): string {
  const w = wallParts(epochMs);
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** The next midnight in Pacific time after this instant (epoch ms): when the quota resets. */
export function nextPacificMidnight(epochMs: number): number {
  const w = wallParts(epochMs);
  const wallMidnight = Date.UTC(w.y, w.m - 1, w.d + 1, 0, 0, 0);
  // The offset at midnight may differ from now's on the days the clocks change: settle it twice.
  let guess = wallMidnight - offsetMs(epochMs);
  guess = wallMidnight - offsetMs(guess);
  return guess;
}

/** The last midnight in Pacific time at or before this instant: when the current quota day began. */
export function pacificDayStart(epochMs: number): number {
  const w = wallParts(epochMs);
  const wallMidnight = Date.UTC(w.y, w.m - 1, w.d, 0, 0, 0);
  let guess = wallMidnight - offsetMs(epochMs);
  guess = wallMidnight - offsetMs(guess);
  return guess;
}

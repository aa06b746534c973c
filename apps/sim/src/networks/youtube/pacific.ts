/** The Pacific quota day, as Google counts YouTube quota (America/Los_Angeles, with DST). */
const formatter = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

function wall(ms: number) {
  const p = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

const offset = (ms: number): number => {
  const w = wall(ms);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
};

export function pacificDay(ms: number): string {
  const w = wall(ms);
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

export function nextPacificMidnight(ms: number): number {
  const w = wall(ms);
  const target = Date.UTC(w.y, w.m - 1, w.d + 1);
  const guess = target - offset(ms);
  return target - offset(guess);
}

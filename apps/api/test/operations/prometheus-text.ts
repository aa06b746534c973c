import type { Response } from 'supertest';

export interface Scrape {
  text: string;
}

export const scrape = (res: Response): Scrape => {
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return { text: res.text };
};

/**
 * The value of one sample of Prometheus's text format whose labels include `labels` (0 when there
 * is none: a counter or gauge that has not been set yet).
 */
export function sample(s: Scrape, name: string, labels: Record<string, string>): number {
  for (const line of s.text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const have = new Map<string, string>();
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) have.set(pair[1], pair[2]);
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) return Number(match[3]);
  }
  return 0;
}

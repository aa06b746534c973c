import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '@resonance/config';
import { NETWORKS } from '@resonance/contracts';
import { ConnectorError, createConnectorRegistry, parsePayload, ParseInputError } from '../src';

/**
 * The connectors' parsers read whatever a network (or someone pretending to be one) sends. Over
 * arbitrary JSON, and over real payloads with values swapped for hostile ones, they must return
 * unified records (or error records) and never throw anything but a ConnectorError.
 */
const registry = createConnectorRegistry(loadConfig({ NODE_ENV: 'test' }));
const targets = NETWORKS.flatMap((network) => {
  const connector = registry.get(network);
  return connector.available ? connector.endpoints.map((endpoint) => ({ network, endpoint })) : [];
});

// The project's own copies of the real payloads (each connector keeps them with their sources).
const fixtures = NETWORKS.flatMap((network) => {
  const dir = join(__dirname, '..', 'src', network, 'fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      try {
        return { network, body: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown };
      } catch {
        return undefined;
      }
    })
    .filter((x): x is { network: (typeof NETWORKS)[number]; body: unknown } => !!x);
});

/** Strings that break naive code: lone surrogates, direction marks, joiners, NUL, huge. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\uD800',
    'a\uDC00b',
    '\u202Eevil\u202C',
    '\u200F\u05D0\u200E',
    '👩\u200D👩\u200D👧',
    '\u200B',
    '\0',
    '',
    ' ',
    '__proto__',
    'constructor',
    'x'.repeat(1 << 20),
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, Number.NaN),
);

/** A copy of `value` with the leaves on some paths replaced by hostile values. */
function mutate(value: unknown, pick: () => boolean, next: () => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (pick() ? next() : mutate(v, pick, next)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pick() ? next() : mutate(v, pick, next)]));
  }
  return pick() ? next() : value;
}

const KINDS = new Set(['message', 'post', 'thread', 'hint', 'page', 'error']);

function checkRecords(records: unknown): void {
  expect(Array.isArray(records)).toBe(true);
  for (const r of records as Array<Record<string, unknown>>) {
    expect(KINDS.has(String(r.kind))).toBe(true);
    if (r.kind === 'message') {
      expect(typeof r.externalId).toBe('string');
      expect(typeof r.text).toBe('string');
      expect(Number.isNaN(Date.parse(String(r.createdAt)))).toBe(false);
    }
  }
}

function parseSafely(input: Parameters<typeof parsePayload>[0]): void {
  let records: unknown;
  try {
    records = parsePayload(input);
  } catch (error) {
    // A typed refusal is fine; a TypeError from reading a field of undefined is the bug we hunt.
    if (error instanceof ConnectorError || error instanceof ParseInputError) return;
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`${input.network} ${input.endpoint} threw ${what}`, { cause: error });
  }
  checkRecords(records);
}

describe('connector parsers under fuzzing', () => {
  it('has parsers to fuzz', () => {
    expect(targets.length).toBeGreaterThan(0);
  });

  it('turn arbitrary JSON into records or typed errors, never a crash', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(hostileString, hostileValue)),
        fc.option(fc.integer({ min: 100, max: 599 })),
        ({ network, endpoint }, body, status) => {
          parseSafely({ network, endpoint, body, ...(status === null ? {} : { status }), accountId: '1', objectId: '2' });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survive real payloads with hostile values in them', () => {
    const usable = fixtures.filter((f) => targets.some((t) => t.network === f.network));
    expect(usable.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...usable), fc.infiniteStream(fc.integer({ min: 0, max: 5 })), fc.infiniteStream(hostileValue), (fixture, dice, values) => {
        const rolls = dice[Symbol.iterator]();
        const swaps = values[Symbol.iterator]();
        // About one value in six is replaced.
        const body = mutate(
          fixture.body,
          () => rolls.next().value === 0,
          () => swaps.next().value,
        );
        for (const { endpoint } of targets.filter((t) => t.network === fixture.network)) {
          parseSafely({ network: fixture.network, endpoint, body, accountId: '1', objectId: '2' });
        }
      }),
      { numRuns: 150 },
    );
  });
});

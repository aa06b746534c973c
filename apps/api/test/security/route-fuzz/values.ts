import fc from 'fast-check';
import type { FieldRule, FieldSpec } from './catalogue';
import type { SeededWorkspace } from './workspaces';

/**
 * Values for the fuzzer: per field, what its DTO rules accept (so requests get past validation and
 * reach the services), ids and texts of both workspaces (so workspace A asks for B's objects), and
 * hostile values (so validation and parsing are tried at their edges).
 */

export interface Pools {
  /** Thread, message, note, contact and post ids of both workspaces (bigints as strings). */
  bigintIds: string[];
  /** Every uuid of both workspaces: workspaces, users, channels, canned responses, pending connects. */
  uuids: string[];
  emails: string[];
  /** Markers, tags, handles and external ids of both workspaces. */
  texts: string[];
  cursors: string[];
  /** The password of workspace A's users (B's is never given to the fuzzer). */
  password: string;
}

export function poolsOf(a: SeededWorkspace, b: SeededWorkspace): Pools {
  const both = [a, b];
  return {
    bigintIds: both.flatMap((w) => [...w.threadIds, ...w.messageIds, ...w.noteIds, ...w.contactIds, ...w.postIds]),
    uuids: both.flatMap((w) => [w.id, ...Object.values(w.users).map((u) => u.id), ...w.channelIds, ...w.cannedIds, ...w.pendingConnectIds]),
    emails: both.flatMap((w) => Object.values(w.users).map((u) => u.email)),
    texts: both.flatMap((w) => [w.marker, ...w.tags, ...w.channelExternalIds, ...w.postExternalIds, `Fan t1 ${w.marker}`]),
    cursors: both.flatMap((w) => w.cursors),
    password: a.password,
  };
}

const MEGABYTE = 'ä'.repeat(1 << 19);
export const IMPOSSIBLE_DATES = [
  '2024-02-30',
  '2023-02-29',
  '0000-01-01',
  '9999-12-31',
  '2024-13-01',
  '2024-00-10',
  '+010000-01-01',
  '1969-12-31',
  '2024-02-29',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '\uD800',
      'a\uDC00b',
      '\u202Eevil\u202C',
      '👩\u200D👩\u200D👧',
      '\u200B',
      '\0',
      'a\0b',
      '',
      ' ',
      '__proto__',
      'constructor',
      "'; DROP TABLE message; --",
      '%',
      '%%',
      '\\',
      '..',
      '../../etc/passwd',
      '9'.repeat(40),
      '-1',
      '0',
      '1e308',
      'NaN',
      'null',
      'true',
      '[]',
      '{}',
      '<script>alert(1)</script>',
      'x'.repeat(300),
      'Ä'.repeat(5000),
      ...IMPOSSIBLE_DATES,
      '2024-02-30T10:00:00Z',
      '9999-12-31T23:59:59.999999Z',
    ),
  },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
);

const hugeNumbers = fc.constantFrom(-1, 0, 1, -0, 1.5, 2 ** 31, 2 ** 63, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1e20);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: hugeNumbers },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(fc.oneof(hostileString, hugeNumbers), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(hostileString, hugeNumbers), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** The ids and texts of both workspaces plus random ones of the same shapes. */
export function foreignValue(p: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...p.bigintIds),
    fc.constantFrom(...p.uuids),
    fc.constantFrom(...p.texts),
    fc.constantFrom(...p.emails),
    fc.constantFrom(...p.cursors),
    fc.uuid(),
    fc.bigInt({ min: 1n, max: 10n ** 18n }).map(String),
  );
}

const regexOf = (arg: unknown): RegExp | null => {
  const r = arg as { regex?: string; flags?: string } | null;
  return r?.regex ? new RegExp(r.regex, r.flags) : null;
};

const periods = (): fc.Arbitrary<string> => {
  const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  return fc.oneof(
    fc.constantFrom('7d', '30d', '90d', '400d', '401d', '0d', '1d', '999d', '-1d', '30', 'd'),
    fc.tuple(day, day).map(([x, y]) => (x <= y ? `${x}..${y}` : `${y}..${x}`)),
    fc.tuple(day, day).map(([x, y]) => `${x}..${y}`),
    fc.tuple(fc.constantFrom(...IMPOSSIBLE_DATES), fc.constantFrom(...IMPOSSIBLE_DATES, '2026-01-01')).map(([x, y]) => `${x}..${y}`),
    fc.constantFrom(...IMPOSSIBLE_DATES).map((d) => `${d}..${d}`),
    fc.constantFrom('2024-02-28..2024-02-30', '2023-02-28..2023-02-29', '9999-12-01..9999-12-31', '0000-01-01..0000-01-31'),
    fc.constantFrom('2026-01-01..', '..2026-01-01', '2026-01-01..2026-01-02..2026-01-03', '2026-1-1..2026-1-2'),
  );
};

/** Real cursors of both workspaces, and cursors of the API's shape holding impossible times or ids. */
const cursors = (p: Pools): fc.Arbitrary<string> => {
  const at = fc.oneof(
    fc.constantFrom(
      '2026-11-01T10:00:00.000000Z',
      '2024-02-30T10:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999999Z',
      '2024-13-45T99:99:99Z',
      '1969-12-31T23:59:59Z',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const id = fc.constantFrom(
    '1',
    '0',
    '-',
    '--',
    'abc',
    'ffffffffffffffffffff',
    '99999999999999999999',
    '00000000-0000-0000-0000-000000000000',
    ...p.bigintIds,
  );
  const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return fc.oneof(fc.constantFrom(...p.cursors), fc.tuple(at, id).map(encode), fc.base64String({ maxLength: 60 }), fc.jsonValue({ maxDepth: 2 }).map(encode));
};

/** What a field's name says it holds, when its rules say little (query strings of webhooks, ids as plain strings). */
function byName(name: string, p: Pools): fc.Arbitrary<unknown> | null {
  if (name === 'period') return periods();
  if (name === 'cursor') return cursors(p);
  if (name === 'timezone')
    return fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Etc/GMT+12', 'Mars/Olympus', 'US/Pacific-New', '+05:00', 'local');
  if (/email/i.test(name)) return fc.oneof(fc.constantFrom(...p.emails), fc.emailAddress());
  if (/password/i.test(name)) return fc.oneof(fc.constant(p.password), fc.string({ minLength: 10, maxLength: 30 }));
  if (/^tags?$/.test(name)) return fc.constantFrom(...p.texts);
  if (name === 'externalIds') return fc.array(fc.constantFrom(...p.texts), { minLength: 1, maxLength: 3 });
  if (name === 'businessHours')
    return fc.dictionary(
      fc.constantFrom('0', '1', '6', '7', 'x'),
      fc.array(fc.tuple(fc.constantFrom('08:00', '18:00', '24:00', '25:00', '8'), fc.constantFrom('09:00', '17:30', '24:00')), { maxLength: 5 }),
      { maxKeys: 3 },
    );
  return null;
}

/** Ids for a field named like one whose rules say nothing (a webhook's or a Record's). */
const idByName = (name: string, p: Pools): fc.Arbitrary<unknown> | null =>
  /(^id|Id|^channel)$/.test(name) ? fc.oneof(fc.constantFrom(...p.uuids), fc.constantFrom(...p.bigintIds)) : null;

/** A value its DTO rules accept, as far as the rules tell. */
function fromRules(rules: FieldRule[], p: Pools): fc.Arbitrary<unknown> | null {
  const has = (name: string) => rules.find((r) => r.rule === name);
  const num = (name: string, fallback: number) => (has(name)?.args[0] as number | undefined) ?? fallback;
  const isIn = has('isIn');
  const each = rules.some((r) => r.each);
  let scalar: fc.Arbitrary<unknown> | null = null;
  if (isIn) scalar = fc.constantFrom(...(isIn.args[0] as unknown[]));
  else if (has('isUuid')) scalar = fc.oneof(fc.constantFrom(...p.uuids), fc.uuid());
  else if (has('isInt')) scalar = fc.oneof(fc.integer({ min: num('min', -1000), max: num('max', 100_000) }), fc.constantFrom(num('min', 0), num('max', 1)));
  else if (has('isNumberString'))
    scalar = fc.oneof(
      fc.constantFrom(...p.bigintIds),
      fc.nat().map(String),
      fc.constantFrom('0', '-1', '+1', '1.5', '.5', '99999999999999999999', '9223372036854775808'),
    );
  else if (has('isBoolean')) scalar = fc.boolean();
  else if (has('isEmail')) scalar = fc.oneof(fc.constantFrom(...p.emails), fc.emailAddress());
  else if (has('isObject')) scalar = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  else if (has('matches')) {
    const regex = regexOf(has('matches')!.args[0]);
    scalar = regex
      ? fc.oneof(
          fc.stringMatching(regex).filter((s) => s.length <= 300),
          fc.constantFrom(...p.bigintIds, ...p.uuids),
        )
      : null;
  } else if (has('isString') || has('maxLength') || has('minLength')) {
    const min = num('minLength', 0);
    const max = Math.min(num('maxLength', 200), 400);
    scalar = fc.oneof(
      fc.string({ minLength: min, maxLength: max }),
      fc.constantFrom(...p.texts).filter((t) => t.length >= min && t.length <= max),
    );
  }
  if (!scalar) return null;
  return each || has('isArray') ? fc.array(scalar, { minLength: num('arrayMinSize', 0), maxLength: Math.min(num('arrayMaxSize', 5), 25) }) : scalar;
}

/** A value for one field: mostly what it accepts, else another workspace's id or text, else something hostile. */
export function fieldValue(field: FieldSpec, p: Pools): fc.Arbitrary<unknown> {
  const valid = byName(field.name, p) ?? fromRules(field.rules, p) ?? idByName(field.name, p) ?? foreignValue(p);
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: 2, arbitrary: foreignValue(p) }, { weight: 2, arbitrary: hostileValue });
}

/** Field names used anywhere in the API, for routes that read their input without a DTO. */
export const COMMON_NAMES = [
  'code',
  'state',
  'error',
  'oauth_token',
  'oauth_verifier',
  'denied',
  'hub.mode',
  'hub.verify_token',
  'hub.challenge',
  'crc_token',
  'challengeCode',
  'object',
  'entry',
  'for_user_id',
];

/** A JSON body no DTO expects: deep, wide, truncated, or not an object at all. */
export const oddBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{"text":',
    '[',
    'null',
    '"',
    '1',
    'true',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    `{"text":"${'x'.repeat(200_000)}"}`,
    '\uFEFF{}',
    '{"a":1,"a":2}',
  ),
  fc.integer({ min: 10, max: 200 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 10, max: 200 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
);

/** Thousands of levels: a parser or validator that recurses overflows its stack. */
export const deepBody: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 2_000, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 2_000, max: 20_000 }).map((depth) => `{"text":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
);

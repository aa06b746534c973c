import { type SimRequest, type SimResponse } from '../../core/http';
import { multipartOf } from './upload';
import { errors } from './errors';
import { fbTime } from './fields';
import type { FbUser } from './store';
import type { FbPlace, FbPostExtras } from './post-types';

export type { FbPlace, FbPostExtras };

/**
 * What a page post may carry beyond its text, as `POST /{page}/feed`, `/photos` and `/videos`
 * take it (Graph reference "Page Feed", "Page Photos", "Page Videos"): `targeting` and
 * `feed_targeting` (who may see it, who gets it in News Feed), `backdated_time` with
 * `backdated_time_granularity` (videos: `backdated_post`), `place` (a place Page's id) and `tags`
 * (people tagged, only with a place). Kept as given after validation and returned by the Post
 * fields of the same names (tags as `to`, the profiles the post names).
 */
/**
 * The places the sim knows (place Pages): the shop's own store and two cities. Graph takes any
 * place Page id; the sim has no place search, so these are the ids a test can tag.
 */
export const SIM_PLACES: readonly FbPlace[] = [
  {
    id: '108123456789012',
    name: 'Resonance Demo Shop Flagship Store',
    location: { city: 'Berlin', country: 'Germany', latitude: 52.520008, longitude: 13.404954, street: 'Alexanderplatz 1', zip: '10178' },
  },
  { id: '111175118906315', name: 'Berlin, Germany', location: { city: 'Berlin', country: 'Germany', latitude: 52.5167, longitude: 13.3833 } },
  { id: '114829128532877', name: 'Hamburg, Germany', location: { city: 'Hamburg', country: 'Germany', latitude: 53.55, longitude: 10.0 } },
];

const GRANULARITIES = ['year', 'month', 'day', 'hour', 'min', 'none'];
const TARGETING_KEYS = ['geo_locations', 'excluded_geo_locations', 'locales', 'age_min', 'age_max', 'genders', 'countries', 'regions', 'cities', 'zips'];
const FEED_TARGETING_KEYS = [
  'age_min',
  'age_max',
  'college_years',
  'education_statuses',
  'genders',
  'geo_locations',
  'interests',
  'locales',
  'relationship_statuses',
  'fan_of',
];

/** A request parameter from the query, the JSON/form body, or a multipart text part. */
export function param(req: SimRequest, name: string): unknown {
  const value = req.body[name] ?? req.query.get(name) ?? undefined;
  if (value !== undefined) return value;
  const part = multipartOf(req)?.find((p) => p.name === name && p.filename === undefined);
  return part ? part.data.toString('utf8') : undefined;
}

/** A parameter as text: strings and numbers as they are, anything else as JSON. */
const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value));

/** An object parameter: JSON objects as sent, or form text holding JSON. */
export function objectParam(value: unknown): Record<string, unknown> | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An array parameter: a JSON array as sent, or form text holding one; null otherwise. */
export function jsonArray(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as unknown[]) : null;
  } catch {
    return null;
  }
}

/** A scalar parameter as text ('' for objects and absent values). */
export const scalarText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** A Graph datetime parameter: UNIX seconds or a strtotime-style text (ISO 8601 here); ms, or NaN. */
export function timeParam(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  return text === '' ? NaN : Date.parse(text);
}

/** Validates a targeting spec: known keys, ISO country codes, ages 13–65 in order, genders 1 and 2. */
function targetingProblem(name: string, spec: Record<string, unknown>, keys: string[]): string | null {
  for (const key of Object.keys(spec)) if (!keys.includes(key)) return `Param ${name}[${key}] is not a valid targeting field`;
  const geo = spec.geo_locations === undefined ? {} : objectParam(spec.geo_locations);
  if (!geo) return `Param ${name}[geo_locations] must be an object`;
  const countries = geo.countries ?? spec.countries;
  if (countries !== undefined) {
    if (!Array.isArray(countries) || countries.length === 0) return `Param ${name}[geo_locations][countries] must be a non-empty array`;
    const bad = (countries as unknown[]).find((c) => typeof c !== 'string' || !/^[A-Z]{2}$/.test(c));
    if (bad !== undefined) return `Invalid country code: ${asText(bad)}`;
  }
  const ageMin = spec.age_min;
  const ageMax = spec.age_max;
  for (const [key, age] of [
    ['age_min', ageMin],
    ['age_max', ageMax],
  ] as const) {
    if (age !== undefined && !(Number.isInteger(Number(age)) && Number(age) >= 13 && Number(age) <= 65))
      return `Param ${name}[${key}] must be a number between 13 and 65`;
  }
  if (ageMin !== undefined && ageMax !== undefined && Number(ageMax) < Number(ageMin)) return `Param ${name}[age_max] must be at least ${name}[age_min]`;
  const genders = spec.genders;
  if (genders !== undefined && !(Array.isArray(genders) && genders.every((g) => g === 1 || g === 2 || g === '1' || g === '2')))
    return `Param ${name}[genders] must be a list of 1 (men) and 2 (women)`;
  if (spec.locales !== undefined && !(Array.isArray(spec.locales) && spec.locales.every((l) => Number.isInteger(Number(l)))))
    return `Param ${name}[locales] must be a list of locale ids`;
  return null;
}

/**
 * Reads and validates the extras of a publish call. `people` finds a person the page may tag
 * (someone who commented on or wrote to the page). `backdated` is the video form
 * (`backdated_post: {backdated_time, backdated_time_granularity}`) when given.
 */
export function readExtras(
  req: SimRequest,
  now: number,
  people: (id: string) => FbUser | undefined,
  options: { published: boolean; videoForm?: boolean; photoForm?: boolean },
): FbPostExtras | SimResponse {
  const out: FbPostExtras = {};
  for (const [name, keys] of [
    ['targeting', TARGETING_KEYS],
    ['feed_targeting', FEED_TARGETING_KEYS],
  ] as const) {
    const raw = param(req, name);
    if (raw === undefined) continue;
    const spec = objectParam(raw);
    if (!spec) return errors.invalidParam(`Param ${name} must be a JSON object`);
    const problem = targetingProblem(name, spec, keys);
    if (problem) return errors.invalidParam(problem);
    if (name === 'targeting') out.targeting = spec;
    else out.feedTargeting = spec;
  }

  const backdatedPost = options.videoForm ? param(req, 'backdated_post') : undefined;
  const backdated = backdatedPost === undefined ? null : objectParam(backdatedPost);
  if (backdatedPost !== undefined && !backdated) return errors.invalidParam('Param backdated_post must be a JSON object');
  const rawTime = backdated ? backdated.backdated_time : param(req, 'backdated_time');
  const rawGranularity = backdated ? backdated.backdated_time_granularity : param(req, 'backdated_time_granularity');
  if (rawTime !== undefined) {
    const at = timeParam(rawTime);
    if (!Number.isFinite(at)) return errors.invalidParam('Param backdated_time must be a valid date');
    if (at > now) return errors.invalidParam('The backdated time must be in the past');
    // Graph: "A backdated post needs to be published".
    if (!options.published) return errors.invalidParam('A backdated post needs to be published');
    out.backdatedAt = at;
    const granularity = rawGranularity === undefined ? 'none' : asText(rawGranularity);
    if (!GRANULARITIES.includes(granularity)) return errors.invalidParam(`Param backdated_time_granularity must be one of {${GRANULARITIES.join(', ')}}`);
    out.backdatedGranularity = granularity;
  } else if (rawGranularity !== undefined) {
    return errors.invalidParam('backdated_time_granularity requires backdated_time');
  }

  const rawPlace = param(req, 'place');
  if (rawPlace !== undefined) {
    const place = SIM_PLACES.find((p) => p.id === asText(rawPlace));
    if (!place) return errors.invalidParam(`Param place must be a valid place ID: ${asText(rawPlace)}`);
    out.place = place;
  }
  // A photo's `tags` are people in the picture ([{tag_uid, x, y}]), another form the sim does not read.
  const rawTags = options.photoForm ? undefined : param(req, 'tags');
  if (rawTags !== undefined) {
    const ids = (Array.isArray(rawTags) ? rawTags.map(asText) : asText(rawTags).split(',')).map((t) => t.trim()).filter(Boolean);
    if (!out.place) return errors.invalidParam('Cannot specify tags without specifying a place');
    const tags: FbUser[] = [];
    for (const id of ids) {
      const person = people(id);
      if (!person) return errors.invalidParam(`Invalid user id in tags: ${id}`);
      tags.push(person);
    }
    if (tags.length) out.tags = tags;
  }
  return out;
}

/** The Post (and Photo, Video) fields the extras answer; absent ones are omitted as Graph omits them. */
export function extrasFields(extras: FbPostExtras | undefined): Record<string, unknown> {
  if (!extras) return {};
  const out: Record<string, unknown> = {};
  if (extras.targeting) out.targeting = extras.targeting;
  if (extras.feedTargeting) out.feed_targeting = extras.feedTargeting;
  if (extras.backdatedAt !== undefined) out.backdated_time = fbTime(extras.backdatedAt);
  if (extras.place) out.place = extras.place;
  if (extras.tags) out.to = { data: extras.tags.map((t) => ({ id: t.id, name: t.name })) };
  return out;
}

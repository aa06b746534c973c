import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';

/**
 * The Messenger Profile API (Messenger Platform reference "Messenger Profile API"; Instagram
 * Messaging "Ice Breakers" and "Persistent Menu"), shared by the page and its Instagram account:
 *   POST   …/messenger_profile  {ice_breakers?, persistent_menu?, get_started?, greeting?} → {result: "success"}
 *   GET    …/messenger_profile?fields=ice_breakers,persistent_menu → {data: [{…the properties set}]} ({data: []} when none)
 *   DELETE …/messenger_profile  {fields: [names]} → {result: "success"}
 * Validated as the references state: ice breakers at most 4 questions (each with a payload), in the
 * old form (a list of {question, payload}) or the localized one ({locale, call_to_actions}, the
 * `default` locale required); a persistent menu per locale (`default` required) of at most 20
 * web_url/postback buttons (Instagram: no `composer_input_disabled`). Kept as given and read back
 * as set. The sim shows them to nobody: its people do not tap them (see the postback control route).
 */
export type ProfilePlatform = 'messenger' | 'instagram';

const PROPERTIES: Record<ProfilePlatform, string[]> = {
  messenger: ['account_linking_url', 'get_started', 'greeting', 'ice_breakers', 'persistent_menu', 'whitelisted_domains'],
  instagram: ['ice_breakers', 'persistent_menu'],
};
const MAX_QUESTIONS = 4;
const MAX_MENU_ITEMS = 20;

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const isUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.trim() !== '' && v.length <= max;

function questionsProblem(at: string, list: unknown): string | null {
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_QUESTIONS) return `param ${at} must have 1 to ${MAX_QUESTIONS} questions`;
  for (const [i, raw] of list.entries()) {
    const q = obj(raw);
    if (!q || !text(q.question, 80)) return `param ${at}[${i}][question] must be 1 to 80 characters`;
    if (!text(q.payload, 1000)) return `param ${at}[${i}][payload] must be 1 to 1000 characters`;
  }
  return null;
}

function iceBreakersProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'param ice_breakers must be a non-empty array';
  const localized = value.map(obj).filter((v) => v && 'call_to_actions' in v);
  // One request has the old form or the localized one, not both.
  if (localized.length === 0) return questionsProblem('ice_breakers', value);
  if (localized.length !== value.length) return 'param ice_breakers must use one format: questions, or {locale, call_to_actions}';
  if (!localized.some((l) => l?.locale === 'default')) return 'param ice_breakers must have a default locale';
  for (const [i, l] of localized.entries()) {
    if (typeof l?.locale !== 'string') return `param ice_breakers[${i}][locale] is required`;
    const problem = questionsProblem(`ice_breakers[${i}][call_to_actions]`, l.call_to_actions);
    if (problem) return problem;
  }
  return null;
}

function menuProblem(value: unknown, platform: ProfilePlatform): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'param persistent_menu must be a non-empty array';
  if (!value.some((m) => obj(m)?.locale === 'default')) return 'param persistent_menu must have a default locale';
  for (const [i, raw] of value.entries()) {
    const m = obj(raw);
    if (!m || typeof m.locale !== 'string') return `param persistent_menu[${i}][locale] is required`;
    if (platform === 'instagram' && m.composer_input_disabled !== undefined)
      return 'param persistent_menu[composer_input_disabled] is not available for Instagram';
    const items = m.call_to_actions;
    if (m.composer_input_disabled === true && items === undefined) continue;
    if (!Array.isArray(items) || items.length === 0 || items.length > MAX_MENU_ITEMS)
      return `param persistent_menu[${i}][call_to_actions] must have 1 to ${MAX_MENU_ITEMS} buttons`;
    for (const [j, rawItem] of items.entries()) {
      const b = obj(rawItem);
      const at = `persistent_menu[${i}][call_to_actions][${j}]`;
      if (b?.type !== 'web_url' && b?.type !== 'postback') return `param ${at}[type] must be one of {web_url, postback}`;
      if (!text(b.title, 30)) return `param ${at}[title] must be 1 to 30 characters`;
      if (b.type === 'web_url' && !isUrl(b.url)) return `param ${at}[url] must be a URL`;
      if (b.type === 'postback' && !text(b.payload, 1000)) return `param ${at}[payload] must be 1 to 1000 characters`;
    }
  }
  return null;
}

function propertyProblem(name: string, value: unknown, platform: ProfilePlatform): string | null {
  if (name === 'ice_breakers') return iceBreakersProblem(value);
  if (name === 'persistent_menu') return menuProblem(value, platform);
  if (name === 'get_started') return text(obj(value)?.payload, 1000) ? null : 'param get_started[payload] must be 1 to 1000 characters';
  if (name === 'greeting')
    return Array.isArray(value) && value.every((g) => typeof obj(g)?.locale === 'string' && text(obj(g)?.text, 160))
      ? null
      : 'param greeting must list {locale, text} of at most 160 characters';
  if (name === 'account_linking_url') return isUrl(value) ? null : 'param account_linking_url must be a URL';
  return Array.isArray(value) && value.every(isUrl) ? null : `param ${name} must be a list of URLs`;
}

/** JSON text or the value itself. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The profile of one page or account: what was set, by property name. */
export class MessengerProfile {
  private readonly props = new Map<string, unknown>();

  constructor(readonly platform: ProfilePlatform) {}

  /** POST: sets the properties given (`input` is the request's parameters); a problem text, or null when set. */
  set(input: Record<string, unknown>): string | null {
    const known = PROPERTIES[this.platform];
    const given = Object.keys(input).filter(
      (k) => !['access_token', 'appsecret_proof', 'id', 'method', 'platform', 'pretty', 'suppress_http_code', 'format'].includes(k),
    );
    if (given.length === 0) return `param must set at least one of {${known.join(', ')}}`;
    const values = new Map<string, unknown>();
    for (const name of given) {
      if (!known.includes(name)) return `param ${name} is not a Messenger profile property${this.platform === 'instagram' ? ' for Instagram' : ''}`;
      const value = parsed(input[name]);
      const problem = propertyProblem(name, value, this.platform);
      if (problem) return problem;
      values.set(name, value);
    }
    for (const [name, value] of values) this.props.set(name, value);
    return null;
  }

  /** GET: the asked properties that are set, as {data: [{…}]} (empty when none is). */
  get(fields: string[] | null): { body: Record<string, unknown> } | { problem: string } {
    if (!fields?.length) return { problem: 'param fields is required' };
    const known = PROPERTIES[this.platform];
    const unknown = fields.find((f) => !known.includes(f));
    if (unknown) return { problem: `param fields: ${unknown} is not a Messenger profile property` };
    const row = Object.fromEntries(fields.filter((f) => this.props.has(f)).map((f) => [f, this.props.get(f)]));
    return { body: { data: Object.keys(row).length ? [row] : [] } };
  }

  /** DELETE: removes the named properties; a problem text, or null. */
  delete(fields: unknown): string | null {
    const list = parsed(fields);
    const names = Array.isArray(list) ? list : typeof list === 'string' ? list.split(',') : null;
    const known = PROPERTIES[this.platform];
    if (!names?.length || !names.every((n) => typeof n === 'string' && known.includes(n.trim())))
      return `param fields must list properties among {${known.join(', ')}}`;
    for (const n of names as string[]) this.props.delete(n.trim());
    return null;
  }
}

/** The request's parameters: the JSON or form body, and the query. */
export function profileInput(query: URLSearchParams, body: Record<string, unknown>): Record<string, unknown> {
  return { ...Object.fromEntries(query), ...body };
}

/** GET, POST or DELETE …/messenger_profile against `profile`; `invalid` is the network's (#100) answer. */
export function messengerProfileRoute(profile: MessengerProfile, req: SimRequest, method: string, invalid: (message: string) => SimResponse): SimResponse {
  const input = profileInput(req.query, req.body);
  if (method === 'GET') {
    const out = profile.get(listParam(req.query, 'fields'));
    return 'problem' in out ? invalid(out.problem) : json(200, out.body);
  }
  const problem = method === 'POST' ? profile.set(input) : method === 'DELETE' ? profile.delete(input.fields) : `${method} is not supported`;
  return problem ? invalid(problem) : json(200, { result: 'success' });
}

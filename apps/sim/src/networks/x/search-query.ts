import { placeById } from './places';
import type { XStore, XTweet } from './store';

/**
 * X's search query language (docs.x.com, "Build a query") as far as the sim's tweets can answer
 * it: keywords, "exact phrases", #hashtags, @mentions, operators (from:, to:, conversation_id:,
 * in_reply_to_tweet_id:, retweets_of:, place:, place_country:, is:reply, is:retweet, is:quote,
 * has:mentions, has:links, has:hashtags, has:media, has:geo, lang:), `-` negation, parentheses, and AND by a space, which binds before OR.
 * As on X, is:, has: and lang: only narrow a query: one of only those (or only negations) is
 * refused. Operators X documents but the sim cannot answer are refused with X's invalid-operator
 * message.
 */

export type TweetTest = (t: XTweet) => boolean;

export class QueryError extends Error {}

const invalidOperator = (name: string) =>
  new QueryError(
    `There were errors processing your request: Reference to invalid operator '${name}'. Operator is not available in current product or product packaging. Please refer to complete available operator list at https://developer.x.com/en/docs/twitter-api/tweets/search/integrate/build-a-query. (at position 1)`,
  );

/** Splits a query into parentheses, quoted phrases and space-separated terms (each possibly negated). */
function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(-?"[^"]*"|-?\(|\)|-?[^\s()"]+)/gy;
  let end = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(query))) {
    tokens.push(m[1]);
    end = pattern.lastIndex;
  }
  if (query.slice(end).trim() !== '') throw new QueryError(`There were errors processing your request: Unmatched quote in query (at position ${end + 1})`);
  return tokens;
}

const lower = (s: string) => s.toLowerCase();
const words = (text: string) =>
  new Set(
    lower(text)
      .split(/[^\p{L}\p{N}_#@$]+/u)
      .filter(Boolean),
  );

function termTest(store: XStore, raw: string): TweetTest {
  const userIs = (id: string | undefined, name: string) => id !== undefined && lower(store.user(id)?.username ?? '') === lower(name);
  if (raw.startsWith('"')) {
    const phrase = lower(raw.slice(1, -1));
    return (t) => lower(t.text).includes(phrase);
  }
  if (raw.startsWith('@')) return (t) => t.mentions.some((id) => userIs(id, raw.slice(1)));
  if (raw.startsWith('#') || raw.startsWith('$')) return (t) => words(t.text).has(lower(raw));
  const colon = raw.indexOf(':');
  if (colon <= 0) return (t) => words(t.text).has(lower(raw));
  const [name, value] = [raw.slice(0, colon), raw.slice(colon + 1)];
  switch (name) {
    case 'from':
      return (t) => lower(t.author.username) === lower(value) || t.author.id === value;
    case 'to':
      return (t) => t.parent !== null && (lower(t.parent.author.username) === lower(value) || t.parent.author.id === value);
    case 'conversation_id':
      return (t) => t.conversationId === value;
    case 'in_reply_to_tweet_id':
      return (t) => t.parent?.id === value;
    case 'retweets_of':
      return (t) => t.retweeted !== undefined && (lower(t.retweeted.author.username) === lower(value) || t.retweeted.author.id === value);
    case 'place': {
      // A place's id, or words of its name ("place:berlin"), as X matches it.
      const wanted = lower(value.replace(/^"|"$/g, ''));
      return (t) => {
        const p = t.placeId ? placeById(t.placeId) : undefined;
        return p !== undefined && (p.id === value || lower(p.fullName).includes(wanted));
      };
    }
    case 'place_country':
      return (t) => t.placeId !== undefined && value.toUpperCase() === 'DE';
    case 'lang':
      // The sim's tweets are all tagged German (tweet.fields lang).
      return () => lower(value) === 'de';
    case 'is':
      if (value === 'reply') return (t) => t.parent !== null;
      if (value === 'quote') return (t) => t.quoted !== null;
      if (value === 'retweet') return (t) => t.retweeted !== undefined;
      // The sim's users are not verified, and nothing it makes is nullcast (promoted-only).
      if (value === 'verified' || value === 'nullcast') return () => false;
      throw invalidOperator(`is:${value}`);
    case 'has':
      if (value === 'mentions') return (t) => t.mentions.length > 0;
      if (value === 'links') return (t) => /https?:\/\//.test(t.text);
      if (value === 'hashtags') return (t) => /(^|\s)#\w/.test(t.text);
      if (value === 'cashtags') return (t) => /(^|\s)\$[A-Za-z]/.test(t.text);
      if (value === 'media') return (t) => (t.media?.length ?? 0) > 0;
      if (value === 'images') return (t) => t.media?.some((m) => m.type === 'photo') ?? false;
      if (value === 'videos') return (t) => t.media?.some((m) => m.type !== 'photo') ?? false;
      if (value === 'geo') return (t) => t.placeId !== undefined;
      throw invalidOperator(`has:${value}`);
    default:
      throw invalidOperator(name);
  }
}

/** is:, has: and lang: need a standalone term (keyword, phrase, @, #, from:, to:, …) beside them. */
const needsCompany = (raw: string) => /^(is|has|lang):/.test(raw);

/** The query as one test of a tweet: OR of AND-groups of (possibly negated) terms and groups. */
export function parseSearchQuery(store: XStore, query: string): TweetTest {
  const tokens = tokenize(query);
  const standalone = tokens.some((t) => t !== '(' && t !== ')' && t !== 'OR' && !t.startsWith('-') && !needsCompany(t));
  if (!standalone)
    throw new QueryError(
      `There were errors processing your request: The query needs at least one standalone operator or keyword; '${query}' has none (at position 1)`,
    );
  let at = 0;
  const orExpr = (): TweetTest => {
    const alternatives = [andExpr()];
    while (tokens[at] === 'OR') {
      at += 1;
      alternatives.push(andExpr());
    }
    return alternatives.length === 1 ? alternatives[0] : (t) => alternatives.some((test) => test(t));
  };
  const andExpr = (): TweetTest => {
    const all: TweetTest[] = [];
    while (at < tokens.length && tokens[at] !== ')' && tokens[at] !== 'OR') all.push(unit());
    if (!all.length) throw new QueryError('There were errors processing your request: Ambiguous use of OR or an empty group');
    return all.length === 1 ? all[0] : (t) => all.every((test) => test(t));
  };
  const unit = (): TweetTest => {
    const token = tokens[at++];
    if (token === '(' || token === '-(') {
      const inner = orExpr();
      if (tokens[at++] !== ')') throw new QueryError('There were errors processing your request: Missing closing parenthesis');
      return token === '(' ? inner : (t) => !inner(t);
    }
    if (token.startsWith('-') && token.length > 1) {
      const test = termTest(store, token.slice(1));
      return (t) => !test(t);
    }
    return termTest(store, token);
  };
  const test = orExpr();
  if (at < tokens.length) throw new QueryError('There were errors processing your request: Unmatched closing parenthesis');
  return test;
}

import type { Classification } from '@resonance/classifier';
import type { SpamReason } from '@resonance/contracts';

/**
 * The spam/abuse signal of an inbound message (issue 25, docs/moderation.md "Spam and abuse"),
 * computed in memory at ingest from the text alone. `repeated_text` needs the other threads'
 * messages: the ingest's INSERT adds it (ingest.sql UpsertMessages, by textFingerprint) and
 * markRepeatedInPage() for copies within one page. Each check is a precompiled expression: the
 * ingest budget (DESIGN.md §6) has room for a few µs a message, not for a round trip.
 */

/**
 * The classifier's other_spam intent counts from this confidence on. other_spam is also where texts
 * with nothing to read end up (emoji, a single word), with low confidence; a text the model is sure
 * about is the kind its training set calls spam.
 */
export const CLASSIFIER_SPAM_CONFIDENCE = 0.8;

/**
 * Domains a link may point to without being a sign of spam besides the workspace's own: the
 * networks themselves (a YouTube comment linking to a timestamp of the video, a Facebook comment
 * quoting a post).
 */
const NETWORK_DOMAINS = ['youtube.com', 'youtu.be', 'facebook.com', 'fb.com', 'instagram.com', 'x.com', 'twitter.com', 'linkedin.com', 'xing.com'];

/** Not a letter or digit: a word boundary that also holds for ä, ß, é (\b is ASCII-only). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** Links with a scheme or "www.": the host is group 1 (after "www." when written without a scheme). */
const URL_LINK = /(?:https?:\/\/(?:[^\s/@]+@)?|(?<![\p{L}\p{N}.@-])www\.)([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/giu;
/** Bare "domain.tld/path", as link shorteners are written ("bit.ly/abc"): the host is group 1. */
const BARE_LINK = /(?<![\p{L}\p{N}.@/-])((?:[a-z0-9-]+\.)+[a-z]{2,})\/\S*/giu;

/**
 * Known scam phrases in German and English. Each is a pattern scammers use under brands' posts
 * (impersonated giveaways, "investment managers", moving the victim to a messenger); a word alone
 * ("crypto", "Gewinnspiel") is no sign: customers talk about giveaways and crypto, too.
 */
const SCAM_PHRASES: readonly RegExp[] = [
  // "DM me to claim your prize", "message us on … to claim"
  new RegExp(`${B}(?:dm|pm|inbox|message|text|write|contact)\\s+(?:me|us)${E}.{0,40}${B}(?:claim|prize|reward|winnings?)${E}`, 'iu'),
  // "Congratulations, you have been selected / you won"
  new RegExp(`${B}congratulations?${E}.{0,60}${B}(?:won|winner|selected|chosen)${E}`, 'iu'),
  // crypto together with promised money: the "investment manager" scam
  new RegExp(
    `${B}(?:crypto|bitcoin|btc|eth|usdt|forex|binary options)${E}.{0,80}${B}(?:invest\\w*|profit\\w*|earn\\w*|returns?|income|rendite|gewinn\\w*|verdien\\w*)${E}`,
    'iu',
  ),
  new RegExp(`${B}(?:invest\\w*|profit\\w*|earn\\w*|rendite|verdien\\w*)${E}.{0,80}${B}(?:crypto|bitcoin|btc|usdt|forex)${E}`, 'iu'),
  // "Gewinnspiel … klicke auf den Link", "Du hast gewonnen! Melde dich …"
  new RegExp(`${B}gewinnspiel${E}.{0,80}${B}(?:klick\\w*|link|anmelden|teilnehmen)${E}`, 'iu'),
  new RegExp(`${B}(?:du hast|sie haben|ihr habt)\\s+(?:\\S+\\s+)?gewonnen${E}`, 'iu'),
  new RegExp(`${B}herzlichen glückwunsch${E}.{0,60}${B}(?:gewonnen|gewinner\\w*|ausgewählt)${E}`, 'iu'),
  // a phone number to write to on a messenger ("WhatsApp +49 151 …", wa.me/…)
  new RegExp(`${B}(?:whats\\s?app|telegram|signal)${E}.{0,20}\\+?\\d[\\d\\s()/-]{7,}\\d`, 'iu'),
  /(?:wa\.me|t\.me)\/\+?\w+/iu,
  // "click the link in my bio", "check my profile", "schau in mein Profil"
  new RegExp(`${B}(?:link|check|visit)\\s+(?:in\\s+)?(?:my|the)\\s+(?:bio|profile)${E}`, 'iu'),
  new RegExp(`${B}(?:schau|guck|klick)\\w*\\s+(?:\\w+\\s+)?(?:in|auf)\\s+mein(?:e|em)?\\s+(?:profil|bio)${E}`, 'iu'),
  // money from home
  new RegExp(`${B}(?:make|earn)\\s+\\$?\\d[\\d,.]*\\s*(?:\\$|usd|dollars?|€|euros?)?\\s*(?:a|per)\\s+(?:day|week)${E}`, 'iu'),
  new RegExp(`${B}(?:von zu hause|von zuhause)${E}.{0,40}${B}(?:geld|\\d+\\s*€)`, 'iu'),
  new RegExp(`${B}free\\s+(?:gift\\s*card|iphone|followers)${E}`, 'iu'),
];

/**
 * Insults and profanity in German and English, as whole words (Unicode-aware, so "Arschloch" is
 * found and "Klassenarbeit" does not hit "arsch"). German compounds of "Scheiß-" and "Dreck-" are
 * words of their own ("Scheißfirma"), so those two match as prefixes. Words that are also harmless
 * ("stupid", "dumm" about a product update) are left out: the signal is for abuse of people.
 */
const ABUSE_WORDS = [
  // English
  'fuck',
  'fucking',
  'fucker',
  'motherfucker',
  'fuck off',
  'shit',
  'bullshit',
  'asshole',
  'arsehole',
  'bitch',
  'bastard',
  'cunt',
  'dickhead',
  'moron',
  'idiot',
  'idiots',
  'retard',
  'scumbag',
  'wanker',
  'piece of shit',
  // German
  'arschloch',
  'arschlöcher',
  'wichser',
  'fotze',
  'hurensohn',
  'vollidiot',
  'vollidioten',
  'idioten',
  'trottel',
  'depp',
  'missgeburt',
  'spast',
  'schlampe',
  'verpiss dich',
  'halt die fresse',
];
/** The single words of ABUSE_WORDS, looked up in the text's words (a set: no expression runs per position). */
const ABUSE_SINGLE = new Set(ABUSE_WORDS.filter((w) => !w.includes(' ')));
/** The phrases of ABUSE_WORDS, found in the text's words joined by single spaces. */
const ABUSE_PHRASES = ABUSE_WORDS.filter((w) => w.includes(' ')).map((w) => ` ${w} `);
/** German compounds: "Scheißfirma", "Drecksladen". */
const ABUSE_PREFIX = /^(?:schei(?:ß|ss)|dreck(?:s)?(?:sack|kerl|laden|firma|verein))/u;

/**
 * Words one of which a text must contain before the scam expressions run at all (each expression
 * needs one of them): the expressions try a look-behind at every position, which costs more than
 * the rest of the signal together, and almost no text has any of these words.
 */
const SCAM_TRIGGER_WORDS = new Set([
  'claim',
  'prize',
  'reward',
  'winnings',
  'winning',
  'congratulations',
  'congratulation',
  'crypto',
  'bitcoin',
  'btc',
  'eth',
  'usdt',
  'forex',
  'binary',
  'gewinnspiel',
  'gewonnen',
  'glückwunsch',
  'whatsapp',
  'whats',
  'telegram',
  'signal',
  'bio',
  'profile',
  'profil',
  'day',
  'week',
  'hause',
  'zuhause',
  'free',
]);
const SCAM_TRIGGER_TEXT = ['wa.me', 't.me'];

/** The text's words, lower case: letters and digits between everything else. */
function wordsOf(lower: string): string[] {
  // match, not split: V8's split with a Unicode-property expression is some 30 times slower.
  return lower.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What the ingest stores of a text: its reasons (all but repeated_text) and its fingerprint. */
export interface SpamSignal {
  reasons: SpamReason[];
  fingerprint: string | null;
}

/**
 * The signal of one inbound text; `label` is the classifier's. The text is lowered and split into
 * words once; the checks use those (10–15 µs a message on 20,000 comments, half with a link, on the
 * shared 2-core machine under a load of 11; the scam expressions run only for texts with a trigger word).
 */
export function spamSignalOf(text: string, label: Pick<Classification, 'intent' | 'confidence'> | null, ownDomains: readonly string[]): SpamSignal {
  const lower = text.toLowerCase();
  const words = wordsOf(lower);
  const reasons: SpamReason[] = [];
  if (mayHaveLink(lower) && linkHosts(text).some((host) => !onDomain(host, ownDomains) && !onDomain(host, NETWORK_DOMAINS)))
    reasons.push('link_unknown_domain');
  const triggered = words.some((w) => SCAM_TRIGGER_WORDS.has(w)) || SCAM_TRIGGER_TEXT.some((t) => lower.includes(t));
  if (triggered && SCAM_PHRASES.some((p) => p.test(text))) reasons.push('scam_phrase');
  if (label?.intent === 'other_spam' && label.confidence >= CLASSIFIER_SPAM_CONFIDENCE) reasons.push('classifier_spam');
  if (isAbuse(words)) reasons.push('abuse');
  // Only a text that points somewhere or reads like spam is compared with other threads (CAMPAIGN_WORDS).
  const campaign = reasons.some((r) => r !== 'abuse') || pointsSomewhere(lower, words) || label?.intent === 'other_spam';
  return { reasons, fingerprint: campaign ? fingerprintOf(words) : null };
}

/**
 * Words of a text that sends its readers somewhere: to a profile, a channel, a messenger, a link.
 * Copies of such a text in many threads are a campaign; copies of "Super schneller Versand, danke!"
 * or "Is this still available in black?" are customers who write alike, and are not compared.
 * ("link" alone is left out: "Link zum Shop?" is a customer's question.)
 */
const CAMPAIGN_WORDS = new Set([
  'follow',
  'follows',
  'subscribe',
  'sub4sub',
  'channel',
  'profile',
  'bio',
  'dm',
  'inbox',
  'click',
  'visit',
  'giveaway',
  'earn',
  'crypto',
  'bitcoin',
  'invest',
  'investment',
  'forex',
  'trading',
  'whatsapp',
  'telegram',
  'folgt',
  'folge',
  'folgen',
  'abonniert',
  'abonnieren',
  'abo',
  'kanal',
  'profil',
  'pn',
  'klick',
  'klicken',
  'klickt',
  'besucht',
  'gewinnspiel',
  'verdiene',
  'verdienen',
]);

/** A handle: "@brand_deals". */
const HANDLE = /@[\p{L}\p{N}_]/u;

/** A link, a handle or a word of CAMPAIGN_WORDS (see there). */
function pointsSomewhere(lower: string, words: readonly string[]): boolean {
  return mayHaveLink(lower) || HANDLE.test(lower) || words.some((w) => CAMPAIGN_WORDS.has(w));
}

function isAbuse(words: string[]): boolean {
  if (words.some((w) => ABUSE_SINGLE.has(w) || ABUSE_PREFIX.test(w))) return true;
  const joined = ` ${words.join(' ')} `;
  return ABUSE_PHRASES.some((p) => joined.includes(p));
}

/** A link needs a scheme, "www." or a slash (bare "domain.tld/path"): most texts have none of them. */
const mayHaveLink = (lower: string): boolean => lower.includes('/') || lower.includes('www.');

/** Whether `host` is one of `domains` or a subdomain of one. */
function onDomain(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The hosts of the links in a text, lower case, without "www." and a trailing dot. */
export function linkHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const pattern of [URL_LINK, BARE_LINK])
    for (const match of text.matchAll(pattern)) {
      const host = match[1]
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/^www\./, '');
      if (host) hosts.push(host);
    }
  return hosts;
}

/** The reasons found in the text and its label (all but repeated_text), in SPAM_REASONS order. */
export function spamReasonsOf(text: string, label: Pick<Classification, 'intent' | 'confidence'> | null, ownDomains: readonly string[]): SpamReason[] {
  return spamSignalOf(text, label, ownDomains).reasons;
}

/**
 * Texts shorter than this (normalised) have no fingerprint: "Thanks!" or "❤️" in many threads is
 * what customers write, not a campaign.
 */
export const MIN_FINGERPRINT_LENGTH = 20;

/**
 * The fingerprint `repeated_text` compares: a 53-bit hash (two 32-bit multiplicative hashes, as
 * cyrb53) of the text's words in lower case run together — copies differing in case, spacing,
 * punctuation or emoji are the same — as a decimal (message.text_fingerprint is a bigint); null for
 * short texts. Not cryptographic: a collision (about 1 in 10^16 per pair) marks one text wrongly.
 */
function fingerprintOf(words: string[]): string | null {
  const normalised = words.join('');
  if (normalised.length < MIN_FINGERPRINT_LENGTH) return null;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return String(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

/** textFingerprint of a text by itself (spamSignalOf gives it with the reasons). */
export function textFingerprint(text: string): string | null {
  return fingerprintOf(wordsOf(text.toLowerCase()));
}

/** What markRepeatedInPage reads and changes on a page's inbound rows. */
export interface FingerprintedRow {
  thread_key: string;
  created_at: string;
  text_fingerprint: string | null;
  spamReasons: readonly SpamReason[];
}

/**
 * Copies within one page: a text whose fingerprint came earlier in the page in another thread is
 * `repeated_text` (the INSERT only sees messages stored before it). Rows in time order or not.
 */
export function markRepeatedInPage(rows: FingerprintedRow[]): void {
  const first = new Map<string, FingerprintedRow>();
  const ordered = rows.filter((r) => r.text_fingerprint !== null).sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  for (const row of ordered) {
    const fingerprint = row.text_fingerprint ?? '';
    const earlier = first.get(fingerprint);
    if (!earlier) first.set(fingerprint, row);
    else if (earlier.thread_key !== row.thread_key && !row.spamReasons.includes('repeated_text')) row.spamReasons = [...row.spamReasons, 'repeated_text'];
  }
}

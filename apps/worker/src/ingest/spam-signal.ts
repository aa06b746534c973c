import { createHash } from 'node:crypto';
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
  'idioten',
  'trottel',
  'depp',
  'missgeburt',
  'spast',
  'schlampe',
  'verpiss dich',
  'halt die fresse',
];
const ABUSE = new RegExp(`${B}(?:${ABUSE_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')}|schei(?:ß|ss)\\p{L}*|dreck(?:s)?(?:sack|kerl|laden|firma|verein))${E}`, 'iu');

/** Whether `host` is one of `domains` or a subdomain of one. */
function onDomain(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The hosts of the links in a text, lower case, without "www." and a trailing dot. */
export function linkHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const pattern of [URL_LINK, BARE_LINK])
    for (const match of text.matchAll(pattern)) {
      const host = match[1].toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
      if (host) hosts.push(host);
    }
  return hosts;
}

/** The reasons found in the text and its label (all but repeated_text), in SPAM_REASONS order. */
export function spamReasonsOf(text: string, label: Pick<Classification, 'intent' | 'confidence'> | null, ownDomains: readonly string[]): SpamReason[] {
  const reasons: SpamReason[] = [];
  if (linkHosts(text).some((host) => !onDomain(host, ownDomains) && !onDomain(host, NETWORK_DOMAINS))) reasons.push('link_unknown_domain');
  if (SCAM_PHRASES.some((p) => p.test(text))) reasons.push('scam_phrase');
  if (label?.intent === 'other_spam' && label.confidence >= CLASSIFIER_SPAM_CONFIDENCE) reasons.push('classifier_spam');
  if (ABUSE.test(text)) reasons.push('abuse');
  return reasons;
}

/**
 * Texts shorter than this (normalised) have no fingerprint: "Thanks!" or "❤️" in many threads is
 * what customers write, not a campaign.
 */
export const MIN_FINGERPRINT_LENGTH = 20;

/**
 * The fingerprint `repeated_text` compares: the first 8 bytes of SHA-1 over the text in lower case
 * with everything but letters and digits removed (copies differing in spacing, punctuation or emoji
 * are the same), as a signed 64-bit decimal (message.text_fingerprint is a bigint); null for short texts.
 */
export function textFingerprint(text: string): string | null {
  const normalised = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (normalised.length < MIN_FINGERPRINT_LENGTH) return null;
  return createHash('sha1').update(normalised).digest().readBigInt64BE(0).toString();
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

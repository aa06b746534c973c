import { classify } from '@resonance/classifier';
import { linkHosts, markRepeatedInPage, MIN_FINGERPRINT_LENGTH, spamReasonsOf, spamSignalOf, textFingerprint, type FingerprintedRow } from './spam-signal';

const OWN = ['acme.de'];
const reasons = (text: string, label: Parameters<typeof spamReasonsOf>[1] = null) => spamReasonsOf(text, label, OWN);

describe('spamReasonsOf', () => {
  it('finds links to domains that are not the workspace’s own nor a network’s', () => {
    expect(linkHosts('see https://www.Example.com/x and www.foo.org, bit.ly/abc')).toEqual(['example.com', 'foo.org', 'bit.ly']);
    expect(reasons('Get it at https://cheap-deals.xyz/now')).toEqual(['link_unknown_domain']);
    expect(reasons('bit.ly/3xYz free stuff')).toEqual(['link_unknown_domain']);
    expect(reasons('Steht auf https://shop.acme.de/faq und www.acme.de')).toEqual([]);
    expect(reasons('at 2:31 https://youtu.be/abc?t=151 and https://www.youtube.com/watch?v=x')).toEqual([]);
    // not links: decimals, abbreviations, e-mail addresses
    expect(reasons('Version 1.5/10, z.B. mail me at info@acme.de')).toEqual([]);
    expect(spamReasonsOf('https://acme.de', null, [])).toEqual(['link_unknown_domain']);
  });

  it.each([
    'DM me to claim your prize!!',
    'Congratulations, you have been selected for our giveaway',
    'I made 3000€ profit with crypto thanks to Mrs. Smith',
    'Invest with Bitcoin and double your money',
    'Gewinnspiel: klicke auf den Link in meinem Profil',
    'Du hast gewonnen! Melde dich schnell',
    'Herzlichen Glückwunsch, Sie wurden ausgewählt',
    'Schreib mir auf WhatsApp +49 151 2345 6789',
    'contact wa.me/4915123456789',
    'Check my profile for the details',
    'schau mal in mein Profil',
    'Earn $500 a day from home',
  ])('finds the scam phrase in %p', (text) => {
    expect(reasons(text)).toContain('scam_phrase');
  });

  it.each(['Wann kommt das Gewinnspiel wieder?', 'Do you accept crypto as payment?', 'I won the game yesterday', 'Please DM me the tracking number'])(
    'leaves %p alone',
    (text) => {
      expect(reasons(text)).toEqual([]);
    },
  );

  it('finds insults and profanity as whole words, German and English', () => {
    expect(reasons('You are an idiot')).toEqual(['abuse']);
    expect(reasons('Was für eine Scheißfirma')).toEqual(['abuse']);
    expect(reasons('Ihr Arschlöcher!')).toEqual(['abuse']);
    expect(reasons('verpiss   dich')).toEqual(['abuse']);
    expect(reasons('Klassenarbeit, Shitake mushrooms, Idiotensicher')).toEqual([]);
  });

  it('takes the classifier’s spam intent above the bound only', () => {
    expect(reasons('whatever', { intent: 'other_spam', confidence: 0.95 })).toEqual(['classifier_spam']);
    expect(reasons('whatever', { intent: 'other_spam', confidence: 0.3 })).toEqual([]);
    expect(reasons('whatever', { intent: 'praise', confidence: 0.99 })).toEqual([]);
    // the real classifier on a plain question says no spam
    expect(reasons('Wann ist die Lieferung da?', classify('Wann ist die Lieferung da?'))).toEqual([]);
  });

  it('lists several reasons in a fixed order', () => {
    expect(reasons('Idiot! DM me to claim your prize at https://win.example')).toEqual(['link_unknown_domain', 'scam_phrase', 'abuse']);
  });
});

describe('textFingerprint', () => {
  it('is the same for copies differing in case, spacing, punctuation and emoji; none for short texts', () => {
    const a = textFingerprint('Visit my channel for FREE giveaways!!! 🎁');
    expect(a).toMatch(/^\d+$/);
    expect(textFingerprint('visit my channel, for free giveaways')).toBe(a);
    expect(textFingerprint('visit my channel for free giveaway')).not.toBe(a);
    expect(textFingerprint('Thanks a lot!')).toBeNull();
    expect(textFingerprint('x'.repeat(MIN_FINGERPRINT_LENGTH))).not.toBeNull();
  });
});

describe('spamSignalOf: which texts are compared with other threads', () => {
  const fingerprinted = (text: string, intent: 'other_spam' | 'praise' = 'praise') => spamSignalOf(text, { intent, confidence: 0.6 }, OWN).fingerprint !== null;

  it('compares texts that send readers somewhere or read like spam', () => {
    expect(fingerprinted('Follow my channel for the best daily trading tips')).toBe(true);
    expect(fingerprinted('Folgt mir für mehr Tipps 💯 jeden Tag')).toBe(true);
    expect(fingerprinted('Schaut mal bei @deals_daily vorbei, lohnt sich')).toBe(true);
    expect(fingerprinted('Best prices here: shop-deals.example/now')).toBe(true);
    expect(fingerprinted('This is such a wonderful thing to see today', 'other_spam')).toBe(true);
  });

  it('does not compare what customers write alike, however often', () => {
    expect(fingerprinted('Super schneller Versand, danke!')).toBe(false);
    expect(fingerprinted('Is this still available in black?')).toBe(false);
    expect(fingerprinted('Muss ich haben. Link zum Shop?')).toBe(false);
    expect(fingerprinted('Falsche Größe geliefert, wie kann ich umtauschen?')).toBe(false);
  });
});

describe('markRepeatedInPage', () => {
  const row = (thread_key: string, created_at: string, text: string): FingerprintedRow => ({
    thread_key,
    created_at,
    text_fingerprint: textFingerprint(text),
    spamReasons: [],
  });

  it('marks later copies in other threads, not the first nor copies in the same thread', () => {
    const text = 'Follow me for the best crypto signals every day';
    const rows = [
      row('b', '2026-01-01T00:00:02.000Z', text),
      row('a', '2026-01-01T00:00:01.000Z', text),
      row('a', '2026-01-01T00:00:03.000Z', text),
      row('c', '2026-01-01T00:00:04.000Z', 'something else entirely, long enough'),
    ];
    markRepeatedInPage(rows);
    expect(rows.map((r) => r.spamReasons)).toEqual([['repeated_text'], [], [], []]);
  });
});

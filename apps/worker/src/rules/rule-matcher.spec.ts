import { unsafePatternReason, validateRule, type RuleCondition } from '@resonance/contracts';
import { compileRule, containsLink, keywordMatcher, matchingRules, type RuleMessage, type StoredRule } from './rule-matcher';

const message = (over: Partial<RuleMessage> = {}): RuleMessage => ({
  network: 'facebook',
  channelAccountId: 'ch-1',
  kind: 'comment',
  intent: 'praise',
  sentiment: 0.2,
  text: 'Hello',
  authorExternalId: 'u-1',
  authorHandle: '@Anna',
  spamReasons: [],
  ...over,
});

const rule = (id: string, conditions: RuleCondition[], stopAfter = false): StoredRule => ({
  id,
  name: id,
  mode: 'auto',
  stopAfter,
  conditions,
  actions: [{ type: 'hide' }],
});
const noFacts = () => ({ firstTime: false, outsideHours: false });

describe('rule conditions', () => {
  it('keywords match whole words in any case and script, phrases across whitespace', () => {
    const re = keywordMatcher(['Rabatt', 'free money', 'Straße']);
    expect(re.test('Gibt es RABATT?')).toBe(true);
    expect(re.test('Rabattaktion')).toBe(false);
    expect(re.test('get FREE\n money now')).toBe(true);
    expect(re.test('die STRASSE')).toBe(false);
    expect(re.test('in der straße.')).toBe(true);
    expect(re.test('Hauptstraße')).toBe(false);
  });

  it('finds links with and without a scheme', () => {
    expect(containsLink('see https://x.example/a')).toBe(true);
    expect(containsLink('go to www.shop.example')).toBe(true);
    expect(containsLink('cheap at bestdeal.shop now')).toBe(true);
    expect(containsLink('mail me: anna@mail.de')).toBe(false);
    expect(containsLink('Ende. Danke')).toBe(false);
  });

  it('sentiment, intent, network, kind, author lists and spam', () => {
    const m = message();
    const holds = (c: RuleCondition, over: Partial<RuleMessage> = {}) => compileRule(rule('r', [c])).cheap({ ...m, ...over });
    expect(holds({ type: 'sentiment', below: 0 })).toBe(false);
    expect(holds({ type: 'sentiment', below: 0 }, { sentiment: -0.5 })).toBe(true);
    expect(holds({ type: 'sentiment', above: 0.1, below: 0.3 })).toBe(true);
    expect(holds({ type: 'intent', intents: ['praise'] })).toBe(true);
    expect(holds({ type: 'network', networks: ['x'] })).toBe(false);
    expect(holds({ type: 'kind', kinds: ['direct'] })).toBe(false);
    expect(holds({ type: 'author', list: 'block', authors: ['anna'] })).toBe(true);
    expect(holds({ type: 'author', list: 'allow', authors: ['ANNA'] })).toBe(false);
    expect(holds({ type: 'author', list: 'allow', authors: ['bob'] })).toBe(true);
    expect(holds({ type: 'spam' })).toBe(false);
    expect(holds({ type: 'spam' }, { spamReasons: ['unknown_link'] })).toBe(true);
    expect(holds({ type: 'regex', pattern: 'bit\\.ly/\\w+' }, { text: 'BIT.LY/abc' })).toBe(true);
  });

  it('evaluates in order and stops after a matching rule with stopAfter', () => {
    const rules = [rule('a', [{ type: 'link' }]), rule('b', [{ type: 'keywords', words: ['hello'] }], true), rule('c', [])].map(compileRule);
    expect(matchingRules(rules, message(), noFacts).map((r) => r.id)).toEqual(['b']);
    expect(matchingRules(rules, message({ text: 'nothing' }), noFacts).map((r) => r.id)).toEqual(['c']);
    expect(matchingRules(rules, message({ text: 'hello www.a.com' }), noFacts).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('asks for database facts only when a rule needs them and its own conditions hold', () => {
    let asked = 0;
    const facts = () => {
      asked += 1;
      return { firstTime: true, outsideHours: false };
    };
    const rules = [rule('first', [{ type: 'link' }, { type: 'firstTime' }]), rule('night', [{ type: 'outsideHours' }])].map(compileRule);
    expect(matchingRules(rules, message(), facts).map((r) => r.id)).toEqual([]);
    expect(asked).toBe(1);
    expect(matchingRules(rules, message({ text: 'www.a.com' }), facts).map((r) => r.id)).toEqual(['first']);
  });
});

describe('rules as saved', () => {
  it('refuses catastrophic and invalid patterns, accepts ordinary ones', () => {
    expect(unsafePatternReason('(a+)+$')).toMatch(/exponential/);
    expect(unsafePatternReason('(a|aa)*b')).toMatch(/exponential/);
    expect(unsafePatternReason('(\\w+\\s?)*$')).toMatch(/exponential/);
    expect(unsafePatternReason('(a)\\1')).toMatch(/back-references/);
    expect(unsafePatternReason('x'.repeat(201))).toMatch(/longer/);
    expect(unsafePatternReason('([')).toMatch(/not a valid/);
    expect(unsafePatternReason('bit\\.ly/\\w+')).toBeNull();
    expect(unsafePatternReason('(gratis|free) (iphone|money)')).toBeNull();
    expect(unsafePatternReason('[(+*]+')).toBeNull();
  });

  it('allows a reply only on comments of networks where automated replies are allowed', () => {
    const base = {
      name: 'r',
      enabled: true,
      mode: 'auto',
      stopAfter: false,
      actions: [{ type: 'reply', cannedResponseId: '00000000-0000-4000-8000-000000000001' }],
    };
    expect(validateRule({ ...base, conditions: [] })?.code).toBe('RULE_REPLY_NOT_ALLOWED');
    expect(
      validateRule({
        ...base,
        conditions: [
          { type: 'network', networks: ['x'] },
          { type: 'kind', kinds: ['comment'] },
        ],
      })?.code,
    ).toBe('RULE_REPLY_NOT_ALLOWED');
    expect(
      validateRule({
        ...base,
        conditions: [
          { type: 'network', networks: ['facebook'] },
          { type: 'kind', kinds: ['comment', 'direct'] },
        ],
      })?.code,
    ).toBe('RULE_REPLY_NOT_ALLOWED');
    expect(
      validateRule({
        ...base,
        conditions: [
          { type: 'network', networks: ['facebook', 'youtube'] },
          { type: 'kind', kinds: ['comment'] },
        ],
      }),
    ).toBeNull();
  });

  it('names the place of a problem', () => {
    const problem = validateRule({
      name: 'r',
      enabled: true,
      mode: 'auto',
      stopAfter: false,
      conditions: [{ type: 'link' }, { type: 'regex', pattern: '(a*)*' }],
      actions: [{ type: 'hide' }],
    });
    expect(problem).toMatchObject({ code: 'RULE_REGEX_UNSAFE', path: 'conditions.1.pattern' });
    expect(validateRule({ name: '', enabled: true, mode: 'auto', stopAfter: false, conditions: [], actions: [{ type: 'hide' }] })?.path).toBe('name');
    expect(validateRule({ name: 'r', enabled: true, mode: 'auto', stopAfter: false, conditions: [], actions: [] })?.path).toBe('actions');
    expect(validateRule({ name: 'r', enabled: true, mode: 'auto', stopAfter: false, conditions: [{ type: 'nope' }], actions: [{ type: 'hide' }] })?.path).toBe(
      'conditions.0',
    );
  });
});

import { INTENTS } from '@resonance/contracts';
import { classify, defaultClassifier, evaluate, MATCH_SIMILARITY, WorkspaceMemory } from '../src';
import { tokenize } from '../src/hashing';
import { readIntentSet } from '../src/training/datasets';

describe('WorkspaceMemory (corrections teach the workspace’s model)', () => {
  const chant = ['Team Blau forever 💙', 'Team Blau für immer 💙💙', 'Team Blau forever!!'];
  const taught = new WorkspaceMemory(chant.map((text) => ({ text, intent: 'other_spam' as const, sentiment: 0 })));

  it('labels a text like the reviewed ones as agents did, and leaves other texts to the model', () => {
    expect(classify('Team Blau forever und ewig 💙').intent).toBe('praise');
    expect(classify('Team Blau forever und ewig 💙', undefined, taught)).toMatchObject({ intent: 'other_spam' });
    expect(Math.abs(classify('Team Blau forever und ewig 💙', undefined, taught).sentiment)).toBeLessThanOrEqual(0.25);
    for (const text of ['I love the blue team shirt', 'Wo kann ich das kaufen?', 'Still waiting 26 days for my refund']) {
      expect(classify(text, undefined, taught)).toEqual(classify(text));
    }
  });

  it('needs more than one loosely similar review to outvote a confident model', () => {
    const one = new WorkspaceMemory([{ text: 'Wo kann ich das Team Trikot kaufen?', intent: 'praise', sentiment: null }]);
    expect(classify('Wo kann ich das kaufen?', undefined, one).intent).toBe(classify('Wo kann ich das kaufen?').intent);
  });

  it('votes only from neighbours at or above the match similarity, weighted by it', () => {
    const votes = taught.votes(tokenize('Team Blau forever 💙'));
    expect(votes.intents[INTENTS.indexOf('other_spam')]).toBeGreaterThanOrEqual(1 + MATCH_SIMILARITY);
    expect(votes.sentiments[1]).toBeCloseTo(votes.intents[INTENTS.indexOf('other_spam')], 9);
    expect([...taught.votes(tokenize('Something else entirely')).intents]).toEqual(INTENTS.map(() => 0));
    expect(new WorkspaceMemory([]).size).toBe(0);
  });

  it.each(['de', 'en'] as const)('costs no accuracy on the %s intent test set when the memory is the whole training set', (lang) => {
    const memory = new WorkspaceMemory(readIntentSet(lang, 'train').map((t) => ({ text: t.text, intent: t.intent, sentiment: null })));
    const test = readIntentSet(lang, 'test');
    const plain = evaluate(defaultClassifier(), test, lang).accuracy;
    const taughtAccuracy = evaluate({ classify: (text: string) => classify(text, undefined, memory) }, test, lang).accuracy;
    expect(taughtAccuracy).toBeGreaterThanOrEqual(plain - 0.005);
  });
});

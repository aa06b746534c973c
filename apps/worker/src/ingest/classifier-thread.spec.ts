import { classify } from '@resonance/classifier';
import { ClassifierThread } from './classifier-thread';

const TEXTS = ['Gibt es einen Rabatt für Stammkunden?', 'Where can I buy this in size M?', 'Paket kam kaputt an, sehr ärgerlich', 'Love it!!', '🙂', ''];

describe('ClassifierThread', () => {
  it('labels texts on its thread exactly as the classifier does inline, in order', async () => {
    const thread = new ClassifierThread();
    try {
      const [a, b] = await Promise.all([thread.classify(TEXTS), thread.classify([...TEXTS].reverse())]);
      expect(thread.onThread).toBe(true);
      expect(a).toEqual(TEXTS.map((t) => classify(t)));
      expect(b).toEqual([...TEXTS].reverse().map((t) => classify(t)));
    } finally {
      await thread.close();
    }
  });

  it('still labels every text after its thread is gone (inline)', async () => {
    const thread = new ClassifierThread();
    await thread.classify(['warm up']);
    await thread.close();
    expect(thread.onThread).toBe(false);
    expect(await thread.classify(TEXTS)).toEqual(TEXTS.map((t) => classify(t)));
  });
});

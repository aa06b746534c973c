import { useKillSuite } from './kill-suite';
import { sleep, waitFor } from './support';

/**
 * The fault suite, api kills (issue 29): the api process SIGKILLed in the middle of a burst of
 * replies and moderation actions, and while the networks deliver webhooks; one channel on each of
 * the five networks. After each phase every network item is stored exactly once in the right
 * thread, and every reply and action the api committed is at the sim exactly once, shown as
 * sent/done — none stuck in "queued" (the stranded reply of issue 29 is named as such).
 */
describe('fault suite: the api killed mid reply and mid webhook, nothing lost, doubled or stuck on any network', () => {
  const suite = useKillSuite('api-kills');
  const { rig } = suite;
  const ledger = () => suite.ledger;

  it('the api SIGKILLed in the middle of a burst of replies and moderation actions', async () => {
    for (let round = 0; round < 2; round++) {
      const calls = ledger().burst(2);
      await sleep(40 + round * 60);
      await rig.api.kill();
      suite.count('api SIGKILLed mid reply burst');
      await Promise.all(calls);
      await rig.startApi();
    }
    await suite.expectTruth('after the api kills mid reply');
  }, 240_000);

  it('the api SIGKILLed while the networks deliver webhooks (the sim retries, the syncs catch up)', async () => {
    const before = await rig.webhookDeliveries();
    await rig.generate(60, 'facebook');
    await rig.generate(40, 'linkedin');
    await rig.generate(40, 'x');
    await waitFor(async () => ((await rig.webhookDeliveries()) > before ? true : undefined), 30_000, 'webhook deliveries to start');
    await rig.api.kill();
    suite.count('api SIGKILLed mid webhook delivery');
    await rig.generate(40);
    await sleep(500);
    await rig.startApi();
    await Promise.all(ledger().burst());
    await suite.expectTruth('after the api kill mid webhook');
  }, 240_000);
});

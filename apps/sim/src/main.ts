import { runProcess } from '@resonance/runtime';
import { startSim } from './start-sim';

runProcess(
  'sim',
  async (ctx) => {
    const sim = await startSim(ctx.config, (line) => console.log(`resonance sim: ${line}`));
    const { world } = sim;
    // The demo's Instagram app has Meta's approval for the HUMAN_AGENT tag (tests start without it).
    sim.instagram.state.humanAgentApproved = true;
    if (world.historyDays > 0) {
      console.log(
        `resonance sim: ${world.resumed ? 'continuing the world' : 'made a new world'} with ${world.historyDays} days of history up to ${new Date(world.createdAt).toISOString()}` +
          (ctx.config.SIM_STATE_FILE === 'off' ? '' : ` (kept in ${ctx.config.SIM_STATE_FILE})`),
      );
    }
    console.log(
      `resonance sim: listening at ${sim.url} (control under /_sim, each network also below /{network}); ` +
        `networks at ${Object.entries(sim.origins)
          .map(([n, o]) => `${n} ${o}`)
          .join(', ')}` +
        `${sim.ca ? ` (https: trust the sim's CA with NODE_EXTRA_CA_CERTS=${ctx.config.SIM_CA_FILE})` : ''}; ` +
        `traffic ${ctx.config.SIM_TRAFFIC_PER_MINUTE}/min, seed ${ctx.config.SIM_SEED}, webhooks to ${ctx.config.SIM_WEBHOOK_URL}`,
    );
    // A live stream of what happens on the networks; at high rates, one summary line per tick.
    sim.traffic.onTraffic = (items) => {
      if (items.length > 5) {
        console.log(`resonance sim: +${items.length} items`);
        return;
      }
      for (const item of items) {
        const who = item.fromAccount ? '(page)' : (item.author?.name ?? '');
        console.log(`resonance sim: ${item.network} ${item.kind} ${who}${item.intent ? ` [${item.intent}]` : ''}: ${item.text}`);
      }
    };
    return sim;
  },
  { needsDatabase: false },
);

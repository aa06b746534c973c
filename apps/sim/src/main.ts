import { runProcess } from '@resonance/runtime';
import { startSim } from './start-sim';

runProcess(
  'sim',
  async (ctx) => {
    const sim = await startSim(ctx.config);
    console.log(
      `resonance sim: listening at ${sim.url} (facebook under /facebook, control under /_sim); ` +
        `traffic ${ctx.config.SIM_TRAFFIC_PER_MINUTE}/min, seed ${ctx.config.SIM_SEED}, webhooks to ${ctx.config.SIM_WEBHOOK_URL}`,
    );
    return sim;
  },
  { needsDatabase: false },
);

import { runProcess } from '@resonance/runtime';
import { startWorker } from './bootstrap';

runProcess('worker', (ctx) => startWorker(ctx.config, ctx.databaseUrl));

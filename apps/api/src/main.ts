import { runProcess } from '@resonance/runtime';
import { startApi } from './bootstrap';

runProcess('api', (ctx) => startApi(ctx.config, ctx.databaseUrl));

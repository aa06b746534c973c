import { createServer, type Server } from 'node:http';
import { isNetwork } from '@resonance/contracts';
import { handleControl } from './control';
import { json, readRequest, writeResponse, type SimRequest, type SimResponse } from './http';
import type { NetworkControl, NetworkModule, SimContext } from './network-module';
import type { TrafficLoop } from './traffic';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one HTTP server of the sim: /_sim is the control API, /{network}/... goes to that network's
 * module after the core has applied the faults that are the same everywhere (hangs and delays).
 */
export function createSimServer(ctx: SimContext, modules: Array<NetworkModule & NetworkControl>, traffic: TrafficLoop): Server {
  const byNetwork = new Map(modules.map((m) => [m.network as string, m]));

  return createServer((req, res) => {
    void (async () => {
      let request: SimRequest | undefined;
      let module: NetworkModule | undefined;
      try {
        request = await readRequest(req);
        if (request.path === '/_sim' || request.path.startsWith('/_sim/')) {
          writeResponse(res, await handleControl(request, ctx, traffic, modules));
          return;
        }
        const [, first = '', ...rest] = request.path.split('/');
        module = byNetwork.get(first);
        if (!module || !isNetwork(first)) {
          writeResponse(res, json(404, { error: { message: `unknown network prefix "/${first}"; the sim serves ${[...byNetwork.keys()].map((n) => '/' + n).join(', ')} and /_sim` } }));
          return;
        }
        const sub: SimRequest = { ...request, path: '/' + rest.join('/') };
        const answer = await withFaults(ctx, module, sub);
        if (answer === 'hang') {
          const hang = ctx.faults.isOn(module.network, 'timeout')?.options.delayMs ?? 30_000;
          await sleep(hang);
          res.destroy();
          return;
        }
        writeResponse(res, answer);
      } catch (error) {
        // A bug in a handler still answers in the network's own shape, never a bare stack trace.
        console.error('sim: handler failed', error);
        if (!res.headersSent) writeResponse(res, module ? module.internalError() : json(500, { error: { message: (error as Error).message } }));
      }
    })();
  });
}

async function withFaults(ctx: SimContext, module: NetworkModule, req: SimRequest): Promise<SimResponse | 'hang'> {
  const { network } = module;
  if (ctx.faults.hit(network, 'timeout')) return 'hang';
  const slow = ctx.faults.hit(network, 'slow');
  if (slow) await sleep(slow.options.delayMs ?? 2_000);
  if (module.faultResponse) {
    const storm = ctx.faults.hit(network, 'rate_limit');
    if (storm) return module.faultResponse('rate_limit', storm.options, req);
    const broken = ctx.faults.hit(network, 'server_error');
    if (broken) return module.faultResponse('server_error', broken.options, req);
  }
  return module.handle(req);
}

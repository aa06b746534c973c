import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isNetwork } from '@resonance/contracts';
import { handleControl } from './control';
import { json, readRequest, writeResponse, type SimRequest, type SimResponse } from './http';
import type { NetworkControl, NetworkModule, SimContext } from './network-module';
import { countRequest } from './request-counts';
import type { ServerCertificate } from './tls';
import type { TrafficLoop } from './traffic';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function serve(handler: Handler, tls: ServerCertificate | null): Server {
  return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
}

/**
 * The sim's shared origin: /_sim is the control API, /{network}/... goes to that network's module
 * (the same module its own origin serves at /, see createNetworkServer).
 */
export function createSimServer(
  ctx: SimContext,
  modules: Array<NetworkModule & NetworkControl>,
  traffic: TrafficLoop,
  tls: ServerCertificate | null = null,
): Server {
  const byNetwork = new Map(modules.map((m) => [m.network as string, m]));
  const scheme = tls ? 'https' : 'http';

  return serve((req, res) => {
    void (async () => {
      let module: NetworkModule | undefined;
      try {
        const request = await readRequest(req, scheme);
        if (request.path === '/_sim' || request.path.startsWith('/_sim/')) {
          writeResponse(res, await handleControl(request, ctx, traffic, modules));
          return;
        }
        const [, first = '', ...rest] = request.path.split('/');
        module = byNetwork.get(first);
        if (!module || !isNetwork(first)) {
          writeResponse(
            res,
            json(404, {
              error: { message: `unknown network prefix "/${first}"; the sim serves ${[...byNetwork.keys()].map((n) => '/' + n).join(', ')} and /_sim` },
            }),
          );
          return;
        }
        await answer(ctx, module, { ...request, path: '/' + rest.join('/'), mount: `/${first}` }, res);
      } catch (error) {
        failed(res, module, error);
      }
    })();
  }, tls);
}

/**
 * One network at its own origin, paths exactly as on the real host (e.g. /v24.0/me, /2/tweets,
 * /youtube/v3/commentThreads), so an official client needs only its base URL changed.
 */
export function createNetworkServer(ctx: SimContext, module: NetworkModule, tls: ServerCertificate | null = null): Server {
  const scheme = tls ? 'https' : 'http';
  return serve((req, res) => {
    void (async () => {
      try {
        await answer(ctx, module, await readRequest(req, scheme), res);
      } catch (error) {
        failed(res, module, error);
      }
    })();
  }, tls);
}

/** Applies the faults that are the same everywhere (hangs and delays), then lets the module answer. */
async function answer(ctx: SimContext, module: NetworkModule, req: SimRequest, res: ServerResponse): Promise<void> {
  countRequest(ctx, module.network);
  const result = await withFaults(ctx, module, req);
  if (result === 'hang') {
    const hang = ctx.faults.isOn(module.network, 'timeout')?.options.delayMs ?? 30_000;
    await sleep(hang);
    res.destroy();
    return;
  }
  writeResponse(res, result);
}

function failed(res: ServerResponse, module: NetworkModule | undefined, error: unknown): void {
  // A bug in a handler still answers in the network's own shape, never a bare stack trace.
  console.error('sim: handler failed', error);
  if (!res.headersSent) writeResponse(res, module ? module.internalError() : json(500, { error: { message: (error as Error).message } }));
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

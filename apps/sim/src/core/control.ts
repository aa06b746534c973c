import { isNetwork, NETWORKS } from '@resonance/contracts';
import { FAULT_KINDS, type FaultKind, type FaultState } from './faults';
import { json, type SimRequest, type SimResponse } from './http';
import type { NetworkControl, NetworkModule, SimContext } from './network-module';
import { requestCounts } from './request-counts';
import type { TrafficLoop } from './traffic';

const bad = (message: string): SimResponse => json(400, { error: { message } });
const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));

/**
 * The control API under /_sim: faults, ground truth, what the networks received, on-demand
 * traffic, the clock, and webhook deliveries. Requests and answers are plain JSON.
 */
export async function handleControl(
  req: SimRequest,
  ctx: SimContext,
  traffic: TrafficLoop,
  modules: Array<NetworkModule & NetworkControl>,
): Promise<SimResponse> {
  const path = req.path.replace(/^\/_sim/, '').replace(/\/+$/, '') || '/';
  const input = { ...Object.fromEntries(req.query), ...req.body };
  const network = typeof input.network === 'string' && input.network !== '' ? input.network : undefined;
  if (network !== undefined && network !== '*' && !isNetwork(network)) return bad(`unknown network "${network}" (${NETWORKS.join(', ')})`);
  const key = `${req.method} ${path}`;

  switch (key) {
    case 'GET /':
      return json(200, {
        networks: modules.map((m) => m.network),
        seed: ctx.settings.seed,
        webhookUrl: ctx.settings.webhookUrl,
        now: new Date(ctx.clock.now()).toISOString(),
        traffic: traffic.state(),
        faults: ctx.faults.list(),
      });
    case 'GET /faults':
      return json(200, { faults: ctx.faults.list() });
    case 'POST /faults':
      return setFault(ctx.faults, input);
    case 'DELETE /faults':
      ctx.faults.clear({ network, kind: typeof input.kind === 'string' ? input.kind : undefined });
      return json(200, { faults: ctx.faults.list() });
    case 'GET /received': {
      const items = ctx.world.receivedFor(network);
      return json(200, { total: items.length, items });
    }
    case 'DELETE /received':
      ctx.world.clearReceived();
      return json(200, { total: 0, items: [] });
    case 'GET /truth': {
      const all = ctx.world.truthFor(network);
      const offset = Math.max(0, num(input.offset) ?? 0);
      const limit = Math.min(100_000, Math.max(1, num(input.limit) ?? 10_000));
      return json(200, { total: all.length, offset, items: all.slice(offset, offset + limit) });
    }
    case 'POST /generate': {
      const count = num(input.count) ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > 100_000) return bad('count must be an integer from 1 to 100000');
      if (network === '*') return bad('network must be one network or omitted');
      const items = traffic.generate(count, network);
      return json(200, { total: items.length, items });
    }
    case 'GET /requests':
      return json(200, { requests: requestCounts(ctx) });
    case 'GET /traffic':
      return json(200, traffic.state());
    case 'POST /traffic': {
      const perMinute = num(input.perMinute);
      if (perMinute === undefined || !(perMinute >= 0)) return bad('perMinute must be a number ≥ 0');
      traffic.setRate(perMinute);
      return json(200, traffic.state());
    }
    case 'GET /clock':
      return json(200, { now: new Date(ctx.clock.now()).toISOString(), offsetMs: ctx.clock.offset });
    case 'POST /clock': {
      const advanceMs = num(input.advanceMs);
      if (advanceMs === undefined || !Number.isFinite(advanceMs) || advanceMs < 0) return bad('advanceMs must be a number ≥ 0');
      ctx.clock.advance(advanceMs);
      return json(200, { now: new Date(ctx.clock.now()).toISOString(), offsetMs: ctx.clock.offset });
    }
    case 'GET /webhooks': {
      const deliveries = ctx.webhooks.deliveries(network);
      return json(200, { total: deliveries.length, deliveries });
    }
  }

  // /_sim/{network}/... : network-specific controls (e.g. /_sim/facebook/verify-webhook).
  const match = /^\/([a-z]+)(\/.*)$/.exec(path);
  const module = match ? modules.find((m) => m.network === match[1]) : undefined;
  if (match && module?.control) {
    const answer = await module.control(req, match[2]);
    if (answer) return answer;
  }
  return json(404, { error: { message: `no control route ${key}` } });
}

function setFault(faults: FaultState, input: Record<string, unknown>): SimResponse {
  const network = (input.network as string | undefined) ?? '*';
  const kind = input.kind as FaultKind;
  if (!FAULT_KINDS.includes(kind)) return bad(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  const enabled = input.enabled === undefined || input.enabled === true || input.enabled === 'true';
  if (!enabled) {
    faults.clear({ network, kind });
    return json(200, { faults: faults.list() });
  }
  const probability = num(input.probability) ?? 1;
  if (!(probability > 0 && probability <= 1)) return bad('probability must be in (0, 1]');
  const count = num(input.count);
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) return bad('count must be a positive integer');
  const raw = (input.options ?? {}) as Record<string, unknown>;
  const options = { code: num(raw.code), delayMs: num(raw.delayMs), status: num(raw.status) };
  faults.set({
    network: network as never,
    kind,
    probability,
    remaining: count ?? null,
    options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  });
  return json(200, { faults: faults.list() });
}

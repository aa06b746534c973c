/**
 * The sim plays one account per network, so every fleet channel of a network shares it, and with
 * it the account's rate limits (X's per-endpoint windows, Facebook's hourly calls, LinkedIn's daily
 * calls, YouTube's daily units, XING's calls per minute). On the real networks each of those
 * channels is its own account with its own limits: the sim's are multiplied by how many channels
 * share each account, so every channel sees the budget one account would have.
 */
export async function raiseSimLimits(sim: { url: string }, channelsPerAccount: number): Promise<void> {
  const n = Math.max(1, channelsPerAccount);
  const x = await control<{ limits: Record<string, number> }>(sim, 'GET', '/_sim/x/limits');
  await control(sim, 'POST', '/_sim/x/limits', { limits: Object.fromEntries(Object.entries(x.limits).map(([k, v]) => [k, v * n])) });
  const fb = await control<{ limits: { appCallsPerHour: number; pageCallsPerHour: number } }>(sim, 'GET', '/_sim/facebook/limits');
  await control(sim, 'POST', '/_sim/facebook/limits', { appCallsPerHour: fb.limits.appCallsPerHour * n, pageCallsPerHour: fb.limits.pageCallsPerHour * n });
  const li = await control<{ limits: { appCallsPerDay: number; memberCallsPerDay: number } }>(sim, 'GET', '/_sim/linkedin/limits');
  await control(sim, 'POST', '/_sim/linkedin/limits', { appCallsPerDay: li.limits.appCallsPerDay * n, memberCallsPerDay: li.limits.memberCallsPerDay * n });
  const yt = await control<{ dailyUnits: number }>(sim, 'GET', '/_sim/youtube/quota');
  await control(sim, 'POST', '/_sim/youtube/quota', { dailyUnits: yt.dailyUnits * n, used: 0 });
  const xing = await control<{ limits: { callsPerMinute: number } }>(sim, 'GET', '/_sim/xing/limits');
  await control(sim, 'POST', '/_sim/xing/limits', { callsPerMinute: xing.limits.callsPerMinute * n });
}

async function control<T = unknown>(sim: { url: string }, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`bench: the sim answered ${res.status} to ${method} ${path}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

import { PassThrough } from 'node:stream';
import { CommitClock } from '../src/bench/agents/commit-clock';
import { countError, type AgentTimings } from '../src/bench/agents/agent-loop';
import { EventLatency } from '../src/bench/agents/event-latency';
import { parseScheduledSync, streamIdMs, SyncLateness } from '../src/bench/fleet/lateness';
import { parseBenchCommand } from '../src/bench/scenario-options';
import { runBench } from '../src/commands/bench';

const CHANNEL = '0b7c7a1e-5a64-4a8e-9f3e-2d1c0b9a8f7e';

describe('resonance bench --fleet / --agents: options', () => {
  it('runs 1,000 then 5,000 channels at the product default interval unless told otherwise', () => {
    expect(parseBenchCommand(['--fleet'])).toEqual({
      scenario: 'fleet',
      json: false,
      options: { sizes: [1_000, 5_000], syncIntervalMs: 60_000, windowMs: 180_000, workers: 1, concurrency: 8, itemsPerChannelHour: 6 },
    });
    // Light traffic per channel by default; the first two passes' heavy traffic on request.
    expect(parseBenchCommand(['--fleet', '--items-per-channel-hour', '600'])).toMatchObject({ options: { itemsPerChannelHour: 600 } });
    expect(parseBenchCommand(['--fleet', '--channels', '20', '--sync-interval', '2000', '--window', '6', '--json'])).toMatchObject({
      scenario: 'fleet',
      json: true,
      options: { sizes: [20], syncIntervalMs: 2_000, windowMs: 6_000 },
    });
  });

  it('takes the number of agents after --agents, with 2,000 comments/s for a minute by default', () => {
    expect(parseBenchCommand(['--agents', '200'])).toEqual({
      scenario: 'agents',
      json: false,
      options: { agents: 200, commentsPerSecond: 2_000, durationMs: 60_000 },
    });
    expect(parseBenchCommand(['--json', '--agents', '3', '--comments-per-second', '50', '--duration', '5'])).toEqual({
      scenario: 'agents',
      json: true,
      options: { agents: 3, commentsPerSecond: 50, durationMs: 5_000 },
    });
  });

  it('leaves the budget run as it was', () => {
    expect(parseBenchCommand(['--quick', '--json'])).toMatchObject({ scenario: 'budgets', json: true, options: { quick: true, threads: 100_000 } });
  });

  it.each([
    [['--fleet', '--agents', '2'], /separate runs/],
    [['--agents'], /--agents needs a number/],
    [['--agents', '--json'], /--agents needs a number/],
    [['--agents', '0'], /--agents must be a whole number from 1/],
    [['--agents', '2.5'], /--agents must be a whole number/],
    [['--fleet', '--channels', 'many'], /--channels must be a whole number/],
    [['--fleet', '--sync-interval', '50'], /--sync-interval must be a whole number from 100/],
    [['--fleet', '--quick'], /unknown option "--quick" for --fleet/],
    [['--agents', '5', '--channels', '3'], /unknown option "--channels" for --agents/],
  ])('refuses %j with a sentence saying why', (argv, message) => {
    expect(() => parseBenchCommand(argv)).toThrow(message);
  });

  it('answers a bad command line with exit code 2 and the usage, not a stack trace', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await runBench(['--fleet', '--window', '0'], out)).toBe(2);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toMatch(/--window must be a whole number from 1 to 3600/);
    expect(text).toMatch(/resonance bench --agents <n>/);
  });
});

describe('fleet: sync lateness from the queue events', () => {
  it('reads the due time from a schedule job id and the event time from the stream id', () => {
    expect(parseScheduledSync(`repeat:sync:${CHANNEL}:1765000000000`)).toEqual({ channelId: CHANNEL, dueMs: 1_765_000_000_000 });
    // One-off runs (backfill, webhook hint, sync now) are not schedule runs.
    expect(parseScheduledSync(`sync:${CHANNEL}:backfill1765000000`)).toBeNull();
    expect(parseScheduledSync(`sync:${CHANNEL}:manual`)).toBeNull();
    expect(streamIdMs('1765000000123-4')).toBe(1_765_000_000_123);
  });

  it('counts only schedule runs that became active inside the window, per channel', () => {
    const listeners = new Map<string, (args: { jobId: string }, id: string) => void>();
    const events = { on: (name: string, fn: (args: { jobId: string }, id: string) => void) => listeners.set(name, fn) };
    const lateness = new SyncLateness(events as never);
    const other = CHANNEL.replace('0b7c', '1b7c');
    listeners.get('active')?.({ jobId: `repeat:sync:${CHANNEL}:1000` }, '9000-0'); // before the window
    lateness.start();
    listeners.get('active')?.({ jobId: `repeat:sync:${CHANNEL}:10000` }, '10100-0');
    listeners.get('active')?.({ jobId: `repeat:sync:${CHANNEL}:20000` }, '23000-0');
    listeners.get('active')?.({ jobId: `repeat:sync:${other}:20000` }, '20000-0');
    listeners.get('active')?.({ jobId: `sync:${other}:backfill20` }, '20050-0');
    listeners.get('failed')?.({ jobId: `repeat:sync:${other}:20000` }, '20060-0');
    lateness.stop();
    listeners.get('active')?.({ jobId: `repeat:sync:${other}:30000` }, '39000-0'); // after it
    expect(lateness.numbers()).toMatchObject({
      samples: 3,
      p50Ms: 100,
      maxMs: 3_000,
      channelsSeen: 2,
      minRunsPerChannel: 1,
      meanRunsPerChannel: 1.5,
      failedRuns: 1,
    });
  });
});

describe('agents: live event latency from the commit', () => {
  it('matches message.created by its id in the committed range and inbox.changed by its count, in order', () => {
    const clock = new CommitClock('postgres://unused');
    clock.received(JSON.stringify({ kind: 'messages.inserted', workspaceId: CHANNEL, from: '10', to: '19', count: 10 }), 1_000);
    clock.received(JSON.stringify({ kind: 'messages.inserted', workspaceId: CHANNEL, from: '20', to: '519', count: 500 }), 2_000);
    clock.received(JSON.stringify({ kind: 'messages.updated', workspaceId: CHANNEL, ids: ['3'], count: 1 }), 2_500);
    clock.received(JSON.stringify({ kind: 'messages.inserted', workspaceId: CHANNEL, from: '520', to: '819', count: 300 }), 3_000);
    const into: number[] = [];
    const latency = new EventLatency(clock, into);
    latency.onEvent({ type: 'message.created', data: '{"type":"message.created","threadId":"5","message":{"id":"15","text":"x"}}', atMs: 1_040 });
    latency.onEvent({ type: 'inbox.changed', data: '{"type":"inbox.changed","count":300}', atMs: 3_200 });
    latency.onEvent({ type: 'inbox.changed', data: '{"type":"inbox.changed","count":0}', atMs: 3_300 }); // a resync, no commit
    latency.onEvent({ type: 'message.created', data: '{"type":"message.created","message":{"id":"9999"}}', atMs: 3_400 });
    latency.onEvent({ type: 'ping', data: '{"type":"ping"}', atMs: 3_500 });
    expect(into).toEqual([40, 200]);
    expect(latency.unmatched).toBe(1);
  });

  it('counts each commit an inbox.changed covers (lastMessageId) once, after those its message events reported', () => {
    const clock = new CommitClock('postgres://unused');
    const inserted = (from: number, to: number, at: number) =>
      clock.received(JSON.stringify({ kind: 'messages.inserted', workspaceId: CHANNEL, from: String(from), to: String(to), count: to - from + 1 }), at);
    inserted(1, 10, 1_000);
    inserted(11, 20, 1_100);
    inserted(21, 30, 1_200);
    inserted(31, 40, 1_300);
    const into: number[] = [];
    const latency = new EventLatency(clock, into);
    latency.onEvent({ type: 'message.created', data: '{"type":"message.created","message":{"id":"10"}}', atMs: 1_050 });
    latency.onEvent({ type: 'inbox.changed', data: '{"type":"inbox.changed","count":20,"lastMessageId":"30"}', atMs: 1_500 });
    latency.onEvent({ type: 'inbox.changed', data: '{"type":"inbox.changed","count":10,"lastMessageId":"40"}', atMs: 1_700 });
    expect(into).toEqual([50, 400, 300, 400]);
  });
});

describe('agents: errors by kind, and which live events refetch', () => {
  it('counts an error under its route with ids replaced', () => {
    const timings: AgentTimings = { inboxList: [], liveRefetches: 0, threadOpen: [], replies: [], errors: 0, errorKinds: {} };
    countError(timings, 'bench: GET /api/threads/123/messages?limit=50 answered 503: busy');
    countError(timings, 'bench: GET /api/threads/456/messages?limit=50 answered 503: busy');
    countError(timings, 'POST /api/threads/0190f1b2-aaaa-7bbb-8ccc-123456789abc/replies answered 422');
    expect(timings.errors).toBe(3);
    expect(timings.errorKinds).toEqual({
      'bench: GET /api/threads/:id/messages?limit=50 answered 503: busy': 2,
      'POST /api/threads/:id/replies answered 422': 1,
    });
  });
});

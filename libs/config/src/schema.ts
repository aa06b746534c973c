import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/**
 * The one configuration schema of Resonance. Every variable the product reads is declared here,
 * with its default and a description; `.env.example` lists the same names (a test keeps them in step).
 */
const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(1).max(65535);
const portOrAny = z.coerce.number().int().min(0).max(65535);

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}` },
  );

/** 32 bytes, base64-encoded: the AES-256-GCM key for channel credentials. */
const aesKey = z.string().refine((v) => Buffer.from(v, 'base64').length === 32, {
  error: 'must be 32 bytes encoded as base64 (generate one with: openssl rand -base64 32)',
});

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** PostgreSQL. Unset: `resonance start` runs an embedded PostgreSQL (demo and evaluation). */
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * Optional streaming replica of DATABASE_URL: the api reads inbox lists and reports from it
   * (libs/db read-router.ts), except a person's reads right after their own write and whenever the
   * replica lags more than DATABASE_READ_MAX_LAG_MS or does not answer: those go to DATABASE_URL.
   */
  DATABASE_READ_URL: url(['postgres:', 'postgresql:']).optional(),
  /** Replica lag beyond which every read goes to the primary (ms). */
  DATABASE_READ_MAX_LAG_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** How often the api compares the primary's WAL position with the replica's replay position (ms). */
  DATABASE_READ_CHECK_MS: z.coerce.number().int().min(20).max(60_000).default(250),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: port.default(54329),

  /** Redis for the BullMQ queues. Unset: BullMQ runs on its PostgreSQL backend in DATABASE_URL. */
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  /**
   * Redis Cluster for the queues instead of REDIS_URL: a comma list of some of its nodes
   * (`redis://host:7000,redis://host:7001`; a password in the first applies to all). BullMQ's keys
   * then carry the hash tag `{QUEUE_PREFIX}` so each queue's keys share one slot.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .transform((value, ctx): string[] | undefined => {
      if (value === undefined) return undefined;
      const nodes = value
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const bad = nodes.filter((n) => {
        try {
          const u = new URL(n);
          return !['redis:', 'rediss:'].includes(u.protocol) || !u.hostname;
        } catch {
          return true;
        }
      });
      if (!nodes.length || bad.length) {
        ctx.addIssue({ code: 'custom', message: `must be a comma list of redis://host:port URLs${bad.length ? ` (not one: ${bad.join(', ')})` : ''}` });
        return z.NEVER;
      }
      return nodes;
    }),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('resonance'),
  /**
   * Sync runs one worker process runs side by side; webhook ingest jobs and outbound sends get half
   * as many (at least 1), rollups and maintenance always 1 (apps/worker/src/concurrency.ts). Each
   * sync run may write a large batch over two connections at once, so a busy worker asks for up to
   * 2 × this many; a smaller DATABASE_POOL_SIZE only makes runs wait for a connection.
   */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /**
   * The worker's HTTP port for probes and metrics: GET /livez, /readyz (Redis or the queue
   * backend, PostgreSQL, every processor running) and /metrics. Unset: the worker opens no port
   * (0: any free port, for tests).
   */
  WORKER_HEALTH_PORT: portOrAny.optional(),
  /** The address of that port. Unset: 127.0.0.1; in a container 0.0.0.0 so Prometheus can scrape it. */
  WORKER_HEALTH_HOST: z.string().min(1).default('127.0.0.1'),

  /**
   * The address the API listens on. Unset: 127.0.0.1, this machine only (development and demo run
   * with public demo secrets); set 0.0.0.0 to accept other machines (the Docker image does).
   */
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  /**
   * The reverse proxies whose X-Forwarded-For names the client (Express's `trust proxy`): unset or
   * "off" uses the socket's address; a hop count ("1"); or a comma list of addresses, CIDR ranges,
   * loopback, linklocal, uniquelocal. The sign-in throttle, the write limit and the webhook
   * handshake limit count per client address, so behind a proxy without this they count everyone together.
   */
  API_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value);
      if ('value' in parsed) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
  /** The address people and networks use to reach the API (OAuth callbacks, webhooks). */
  PUBLIC_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  /**
   * Swagger UI and the OpenAPI document at /api/docs: public, admins (signed-in admins only) or off.
   * Unset: public outside production, admins in production.
   */
  API_DOCS: z.enum(['public', 'admins', 'off']).optional(),
  /** How often an open live-event stream re-checks its session (it also ends at once on logout). */
  LIVE_SESSION_RECHECK_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  /** Folder of the built dashboard that the API serves at /. */
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  /**
   * Bearer token Prometheus sends to GET /metrics on the api and the worker's health port
   * (`Authorization: Bearer <token>`). Unset: /metrics answers 404 — metrics name every queue and
   * channel, so nobody reads them without the token.
   */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
  /**
   * bull-board at /admin/queues: admins (signed-in admins, writes also need the same origin or the
   * CSRF token) or off. It shows every workspace's jobs: an install with several tenants sets
   * QUEUE_BOARD_WORKSPACE to the operators' workspace, or off.
   */
  QUEUE_BOARD: z.enum(['admins', 'off']).default('admins'),
  /** Only admins of this workspace (its id) may open /admin/queues. Unset: the admins of any workspace. */
  QUEUE_BOARD_WORKSPACE: z.uuid().optional(),
  /**
   * An external classifier the company runs itself (issue 23), off when unset: the worker sends the
   * texts of newly stored inbound messages to it in batches and, where it answers in time with
   * valid labels, they replace the built-in model's. Ingest never waits for it: every message is
   * stored with the built-in labels first (apps/worker/src/classify).
   */
  CLASSIFIER_URL: url(['http:', 'https:']).optional(),
  /** `plain`: POST {texts:[{id,text,language}]} → {labels:[{id,intent,sentiment}]}; `openai`: an OpenAI-compatible /chat/completions. */
  CLASSIFIER_API: z.enum(['plain', 'openai']).default('plain'),
  /** The model name sent to an OpenAI-compatible endpoint. */
  CLASSIFIER_MODEL: z.string().min(1).optional(),
  /** Sent as "Authorization: Bearer <key>"; never logged. */
  CLASSIFIER_API_KEY: z.string().min(1).optional(),
  /** A batch the endpoint has not answered within this many ms keeps the built-in labels. */
  CLASSIFIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** Messages per request to the endpoint. */
  CLASSIFIER_BATCH: z.coerce.number().int().min(1).max(500).default(50),
  /** Messages older than this when their turn comes keep the built-in labels (the endpoint fell behind). */
  CLASSIFIER_MAX_LAG_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
  /** Data exports (CSV, the thread export) running at once for one workspace; more get 429. */
  EXPORTS_PER_WORKSPACE: z.coerce.number().int().min(1).max(100).default(2),
  /** Data exports running at once in one api process, all workspaces (at most half the pool: each holds a connection). */
  EXPORTS_PER_PROCESS: z.coerce.number().int().min(1).max(250).default(4),
  /** An export whose client reads nothing for this long is ended, freeing its slot and connection. */
  EXPORT_STALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),

  /**
   * Whether `resonance start` runs the network simulator (and its traffic). Unset: yes outside
   * production, no in production (`resonance start --with-sim` asks for it there).
   */
  START_SIM: bool.optional(),
  SIM_HOST: z.string().default('127.0.0.1'),
  SIM_PORT: port.default(4000),
  /** Where connectors send requests when a network has no real credentials configured. */
  SIM_URL: url(['http:', 'https:']).default('http://127.0.0.1:4000'),
  /**
   * Each network's own origin on SIM_HOST (paths as on the real host, so an official client needs
   * only its base URL changed; 0 = any free port). `resonance start` points the *_API_URL settings
   * it leaves unset at these (simNetworkUrls).
   */
  SIM_FACEBOOK_PORT: portOrAny.default(4001),
  SIM_X_PORT: portOrAny.default(4002),
  SIM_LINKEDIN_PORT: portOrAny.default(4003),
  SIM_YOUTUBE_PORT: portOrAny.default(4004),
  SIM_XING_PORT: portOrAny.default(4005),
  SIM_INSTAGRAM_PORT: portOrAny.default(4006),
  /** Serve the networks' own origins over https, with certificates from the sim's local CA (SIM_CA_FILE). */
  SIM_TLS: bool.default(false),
  /** The sim's local CA (certificate and key, made when missing); clients trust it with NODE_EXTRA_CA_CERTS=<this file>. */
  SIM_CA_FILE: z.string().min(1).default('.data/sim-ca.pem'),
  /** Messages per minute the sim's traffic generator creates in demo mode (0 = off). */
  SIM_TRAFFIC_PER_MINUTE: z.coerce.number().min(0).max(10_000_000).default(6),
  SIM_SEED: z.coerce.number().int().default(42),
  /**
   * Days of history the sim's networks hold when its world is first made: the company's posts,
   * comment threads and messages, and its answers (0 = none; tests that start the sim in-process
   * get none unless they ask).
   */
  SIM_HISTORY_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /** Where the sim keeps its world between runs (creation time, id counters), so a restart continues it; "off" keeps nothing. */
  SIM_STATE_FILE: z.string().min(1).default('.data/sim-world.json'),
  /** Where the sim delivers webhooks (+ /facebook, ...): the API's receiver; "off" sends none. */
  SIM_WEBHOOK_URL: z.union([z.literal('off'), url(['http:', 'https:'])]).default('http://127.0.0.1:3000/api/webhooks'),
  /** Delays in ms between the sim's retries of a failed webhook delivery, comma-separated. */
  SIM_WEBHOOK_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds, e.g. 5000,30000,120000')
    .default('5000,30000,120000,600000,1800000,3600000'),

  /** Graph API origin without version. Unset: the sim (`${SIM_URL}/facebook`); production: https://graph.facebook.com */
  FACEBOOK_GRAPH_URL: url(['http:', 'https:']).optional(),
  FACEBOOK_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'like v24.0')
    .default('v24.0'),
  /** The Facebook app. Unset in demo mode: the sim's public demo app. */
  FACEBOOK_APP_ID: z.string().min(1).optional(),
  /** Signs webhook deliveries (X-Hub-Signature-256) and authenticates token exchanges. */
  FACEBOOK_APP_SECRET: z.string().min(1).optional(),
  /** The token Facebook echoes in the webhook subscription handshake (GET hub.verify_token). */
  FACEBOOK_VERIFY_TOKEN: z.string().min(1).optional(),

  /**
   * Instagram API with Instagram Login: the graph.instagram.com origin without version. Unset: the
   * sim (`${SIM_URL}/instagram`); production: https://graph.instagram.com
   */
  INSTAGRAM_API_URL: url(['http:', 'https:']).optional(),
  /**
   * Instagram API with Facebook Login (via the linked Page): the graph.facebook.com origin. Unset:
   * with real Instagram FACEBOOK_GRAPH_URL (else https://graph.facebook.com), with the sim INSTAGRAM_API_URL.
   */
  INSTAGRAM_FACEBOOK_GRAPH_URL: url(['http:', 'https:']).optional(),
  /** Where Instagram Login's consent page and code exchange live. Unset: the sim; production: https://www.instagram.com and https://api.instagram.com */
  INSTAGRAM_OAUTH_URL: url(['http:', 'https:']).optional(),
  INSTAGRAM_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'like v24.0')
    .default('v24.0'),
  /** The Instagram app (Instagram > API setup with Instagram Login). Unset in demo mode: the sim's public demo app. */
  INSTAGRAM_APP_ID: z.string().min(1).optional(),
  /** The Instagram app secret: exchanges tokens and signs Instagram-Login webhook deliveries (not the Meta app secret). */
  INSTAGRAM_APP_SECRET: z.string().min(1).optional(),
  /** The token Meta echoes in the Instagram webhook subscription handshake (GET hub.verify_token). */
  INSTAGRAM_VERIFY_TOKEN: z.string().min(1).optional(),

  /** X API origin. Unset: the sim (`${SIM_URL}/x`); production: https://api.x.com */
  X_API_URL: url(['http:', 'https:']).optional(),
  /** The X app's OAuth 2.0 client (PKCE). Unset in demo mode: the sim's public demo app. */
  X_CLIENT_ID: z.string().min(1).optional(),
  X_CLIENT_SECRET: z.string().min(1).optional(),
  /** The app's consumer secret: answers the Account Activity CRC check and verifies x-twitter-webhooks-signature. */
  X_CONSUMER_SECRET: z.string().min(1).optional(),
  /** Posts an X channel may read per calendar month (X sells reads by the month); syncs are spread to last the month. */
  X_MONTHLY_READ_BUDGET: z.coerce.number().int().min(1).default(15_000),

  /** LinkedIn REST origin. Unset: the sim (`${SIM_URL}/linkedin`); production: https://api.linkedin.com */
  LINKEDIN_API_URL: url(['http:', 'https:']).optional(),
  /** The Linkedin-Version header (YYYYMM); LinkedIn retires a version about a year after release (426). */
  LINKEDIN_VERSION: z
    .string()
    .regex(/^20\d{2}(0[1-9]|1[0-2])$/, 'like 202610 (YYYYMM)')
    .default('202610'),
  /** The LinkedIn app. Unset in demo mode: the sim's public demo app. */
  LINKEDIN_CLIENT_ID: z.string().min(1).optional(),
  /** Authenticates token exchanges and signs webhook deliveries (X-LI-Signature). */
  LINKEDIN_CLIENT_SECRET: z.string().min(1).optional(),
  /** Calls per channel per UTC day the connector allows itself (LinkedIn sends no limit headers). */
  LINKEDIN_DAILY_CALL_BUDGET: z.coerce.number().int().min(1).default(5_000),

  /** Google APIs origin (www.googleapis.com; the OAuth pages and token endpoint follow it). Unset: the sim (`${SIM_URL}/youtube`). */
  YOUTUBE_API_URL: url(['http:', 'https:']).optional(),
  /** The Google Cloud OAuth client of the YouTube Data API. Unset in demo mode: the sim's demo client. */
  YOUTUBE_CLIENT_ID: z.string().min(1).optional(),
  YOUTUBE_CLIENT_SECRET: z.string().min(1).optional(),
  /** The project's YouTube Data API quota (units per day, reset at midnight Pacific time). */
  YOUTUBE_DAILY_QUOTA_UNITS: z.coerce.number().int().min(100).default(10_000),
  /** Units of the day's quota that reads never spend, so replies (50 units each) can always go out. */
  YOUTUBE_REPLY_RESERVE_UNITS: z.coerce.number().int().min(0).default(1_000),
  /** How often the sync walks every comment thread of the window again (new replies under older threads). */
  YOUTUBE_RECONCILE_EVERY_MS: z.coerce.number().int().min(0).default(900_000),

  /** XING partner API origin (OAuth 1.0a; paths below /v1). Unset: the sim (`${SIM_URL}/xing`); production: https://api.xing.com */
  XING_API_URL: url(['http:', 'https:']).optional(),
  /** The partner app's OAuth 1.0a consumer, which XING gives API partners only. Unset in demo mode: the sim's public demo consumer. */
  XING_CONSUMER_KEY: z.string().min(1).optional(),
  XING_CONSUMER_SECRET: z.string().min(1).optional(),
  /** Calls per channel per minute the connector allows itself (XING answers 403 RATE_LIMIT_EXCEEDED beyond its limit and sends no budget headers). */
  XING_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(50),

  /** Base poll interval per channel; it shortens with activity and lengthens when idle or short of budget. */
  SYNC_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  SYNC_MIN_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  SYNC_MAX_INTERVAL_MS: z.coerce.number().int().min(100).default(900_000),
  /** How far back a newly connected channel is read (and how long posts are watched for comments). */
  SYNC_BACKFILL_DAYS: z.coerce.number().min(0).max(365).default(30),
  /** How long one worker holds a channel's sync before another may take over (renewed every page). */
  SYNC_LEASE_MS: z.coerce.number().int().min(500).default(60_000),
  /** The longest a rate limit delays a job, whatever the network announces. */
  RATE_LIMIT_MAX_DELAY_MS: z.coerce.number().int().min(0).default(900_000),

  /** Demo mode seeds the demo workspace and its well-known passwords. Never on in production. */
  DEMO_MODE: bool.optional(),
  /** AES-256-GCM key for network credentials at rest. Required in production. */
  ENCRYPTION_KEY: aesKey.optional(),
  /**
   * Earlier ENCRYPTION_KEYs, comma-separated, newest first: credentials still encrypted with one of
   * them are read, and `resonance rotate-key` re-encrypts them with ENCRYPTION_KEY.
   */
  ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .refine((v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32), {
      error: 'must be comma-separated keys of 32 bytes encoded as base64',
    })
    .optional(),
  /** API writes (POST/PUT/PATCH/DELETE) allowed per session, or per client address without one, per minute. */
  API_WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /**
   * Test only (refused unless NODE_ENV=test): the api kills itself with SIGKILL right after it
   * commits a reply or a like/hide/delete and before it queues the job — the crash the outbound
   * recovery sweep exists for (apps/api/test/outbound-recovery.int-spec.ts).
   */
  TEST_CRASH_AFTER_COMMIT: z.enum(['reply', 'moderation', 'webhook']).optional(),
  /**
   * The SMTP server notification e-mails go through: `smtp://user:pass@host:587` (STARTTLS when the
   * server offers it) or `smtps://user:pass@host:465` (TLS from the start); user and password
   * percent-encoded. Unset: no e-mail is sent, and the dashboard says so in the notification settings.
   */
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  /** The From of notification e-mails, e.g. `Resonance <inbox@muster.example>`. */
  SMTP_FROM: z.string().min(3).default('Resonance <resonance@localhost>'),
  /** How often the worker looks for SLA warnings to give and e-mails to send. */
  NOTIFY_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** An SLA warning goes out this many minutes before a waiting thread's SLA is due. */
  SLA_WARNING_MINUTES: z.coerce.number().int().min(1).max(1_440).default(15),
  /** Secret for session cookies and webhook state. Required in production. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type RawConfig = z.infer<typeof configSchema>;

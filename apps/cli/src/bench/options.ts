import { RULE_LIMITS } from '@resonance/contracts';

/** What `resonance bench` was asked to do. */
export interface BenchOptions {
  /** One tenth of the full scale (DESIGN.md §6 budgets still apply). */
  quick: boolean;
  json: boolean;
  /** Keep the bench database afterwards (its name is printed). */
  keep: boolean;
  /** Threads and messages of the bulk data set; the full run is 1M / 5M. */
  threads: number;
  messages: number;
  days: number;
  /** Comments pre-generated at the sim for the ingest measurement. */
  ingestComments: number;
  /** Requests per measured variant (inbox list, thread open, reports). */
  samples: number;
  /** Full-scan report runs (each reads every message of the period). */
  fullScanSamples: number;
  /** Comments timed from the sim into the API, per path (poll, webhook). */
  freshnessSamples: number;
  /** Messages of the one long thread that thread open reads. */
  longThreadMessages: number;
  /** Enabled rules in the bench workspace while the ingest is measured (rules.ts; 0: none). */
  rules: number;
  /**
   * The outbound queue paused while the ingest is measured (resumed after it): the hides and likes
   * the rules queue reach the sim only afterwards. Tells the rules' cost in the ingest path apart
   * from the cost of the moderation calls they cause meanwhile (docs/benchmarks.md, rules25b).
   */
  pauseOutbound: boolean;
  /**
   * The share of the ingest comments put on the sim's Instagram account, synced beside the
   * Facebook page. 0 (the default) measures what DESIGN.md §6 defines: one sim page.
   */
  instagramShare: number;
}

export const FULL_SCALE = { threads: 1_000_000, messages: 5_000_000 } as const;

export class BenchUsageError extends Error {}

export const BENCH_USAGE = `usage: resonance bench [--quick] [--json] [--keep] [--scale <fraction>] [--rules <n>] [--pause-outbound] [--instagram-share <f>]
  --quick          one tenth of the full scale (100k threads, 500k messages); target under 5 minutes
  --scale <f>      any fraction of the full scale (1M threads, 5M messages over 90 days), e.g. 0.001
  --json           print one JSON object instead of the table
  --keep           keep the bench database (resonance_bench_*) afterwards
  --rules <n>      n active rules (0–100; twenty realistic ones, then repeated) while the ingest is measured
  --pause-outbound the outbound queue paused while the ingest is measured: what the rules hide or like reaches
                   the sim afterwards (tells the rules' own cost from that of the calls they cause)
  --instagram-share <f>  put this share (0–0.9) of the ingest comments on the sim's Instagram account, synced
                   beside the Facebook page (0.4 as the demo world has them); default 0: the page alone (§6)`;

/** Parses the command line; sample counts shrink with the scale so small runs stay small. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  let scale = 1;
  let rules = 0;
  let instagramShare = 0;
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scale') {
      scale = Number(argv[++i]);
      if (!(scale > 0 && scale <= 1)) throw new BenchUsageError('--scale must be a number in (0, 1]');
    } else if (arg === '--rules') {
      rules = Number(argv[++i]);
      if (!Number.isInteger(rules) || rules < 0 || rules > RULE_LIMITS.rules)
        throw new BenchUsageError(`--rules must be a whole number from 0 to ${RULE_LIMITS.rules}`);
    } else if (arg === '--instagram-share') {
      instagramShare = Number(argv[++i]);
      if (!(instagramShare >= 0 && instagramShare <= 0.9)) throw new BenchUsageError('--instagram-share must be a number from 0 to 0.9');
    } else if (['--quick', '--json', '--keep', '--pause-outbound'].includes(arg)) flags.add(arg);
    else throw new BenchUsageError(`unknown option "${arg}"`);
  }
  if (flags.has('--quick') && !argv.includes('--scale')) scale = 0.1;
  const small = scale < 0.05;
  const threads = Math.max(200, Math.round(FULL_SCALE.threads * scale));
  return {
    quick: flags.has('--quick'),
    json: flags.has('--json'),
    keep: flags.has('--keep'),
    threads,
    messages: Math.max(threads * 2, Math.round(FULL_SCALE.messages * scale)),
    days: 90,
    ingestComments: small ? 1_000 : scale < 0.5 ? 40_000 : 100_000,
    samples: small ? 10 : scale < 0.5 ? 100 : 200,
    fullScanSamples: small ? 2 : 5,
    freshnessSamples: small ? 3 : 20,
    longThreadMessages: 1_000,
    rules,
    pauseOutbound: flags.has('--pause-outbound'),
    instagramShare,
  };
}

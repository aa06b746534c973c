import type { BenchResult } from './run';

interface Budget {
  label: string;
  value: string;
  budget: string;
  pass: boolean | null;
}

/** The budgets of DESIGN.md §6 against this run's numbers. */
export function budgets(r: BenchResult): Budget[] {
  const ms = (n: number) => `${n} ms`;
  return [
    {
      label: 'ingest, comments/s (whole pipeline, Facebook + Instagram)',
      value: String(r.ingest.perSecond),
      budget: '≥ 5000',
      pass: r.ingest.perSecond >= 5_000,
    },
    {
      label: 'ingest / raw bulk upsert',
      value: `${r.ingest.ratioToRawUpsert} (raw ${r.ingest.rawUpsertPerSecond}/s)`,
      budget: '≥ 0.5',
      pass: r.ingest.ratioToRawUpsert >= 0.5,
    },
    {
      label: 'inbox list p95 (first 50, filters)',
      value: `${ms(r.inboxList.p95Ms)} (p50 ${r.inboxList.p50Ms}, p99 ${r.inboxList.p99Ms})`,
      budget: '≤ 30 ms',
      pass: r.inboxList.p95Ms <= 30,
    },
    { label: 'inbox search p95 (first 50)', value: ms(r.inboxList.search.p95Ms), budget: 'none in §6', pass: null },
    { label: 'thread open p95 (1,000 messages)', value: ms(r.threadOpen.p95Ms), budget: '≤ 30 ms', pass: r.threadOpen.p95Ms <= 30 },
    { label: 'reports p95 (90 days)', value: ms(r.reports.p95Ms), budget: '≤ 200 ms', pass: r.reports.p95Ms <= 200 },
    {
      label: 'reports speed-up over full scan',
      value: `${r.reports.speedupOverFullScan}× (scan p95 ${r.reports.fullScanP95Ms} ms)`,
      budget: '≥ 20×',
      pass: r.reports.speedupOverFullScan >= 20,
    },
    {
      label: 'freshness, polling p95',
      value: ms(r.freshness.pollP95Ms),
      budget: `≤ ${r.freshness.pollIntervalMs} + 2000 ms`,
      pass: r.freshness.pollP95Ms > 0 && r.freshness.pollP95Ms <= r.freshness.pollIntervalMs + 2_000,
    },
    {
      label: 'freshness, webhook p95',
      value: ms(r.freshness.webhookP95Ms),
      budget: '≤ 1000 ms',
      pass: r.freshness.webhookP95Ms > 0 && r.freshness.webhookP95Ms <= 1_000,
    },
    ...Object.entries(r.freshness.byNetwork).map(([network, f]) => ({
      label: `freshness, ${network} polling p95 (adaptive pacing)`,
      value: `${ms(f.p95Ms)} (p50 ${f.p50Ms}, ${f.samples} samples, ${f.missed} missed)`,
      budget: `≤ ${f.pacingMs} + 2000 ms`,
      pass: f.withinBudget,
    })),
    { label: 'worker peak RSS during ingest', value: `${r.memory.workerPeakMb} MB`, budget: '≤ 300 MB', pass: r.memory.workerPeakMb <= 300 },
    { label: 'api peak RSS', value: `${r.memory.apiPeakMb} MB`, budget: '≤ 250 MB', pass: r.memory.apiPeakMb <= 250 },
  ];
}

/** The readable table of `resonance bench` (without --json). */
export function renderTable(r: BenchResult): string {
  const rows = budgets(r);
  const w0 = Math.max(...rows.map((b) => b.label.length));
  const w1 = Math.max(...rows.map((b) => b.value.length));
  const w2 = Math.max(...rows.map((b) => b.budget.length));
  const s = r.scale;
  const lines = [
    `Resonance bench — ${s.threads} threads, ${s.messages} messages over ${s.days} days, ${s.networks} networks (${s.quick ? 'quick' : 'full'} scale)`,
    `data set: load ${s.loadMs} ms, search index ${s.indexMs} ms, rollups ${s.rollupMs} ms; total ${s.totalMs} ms`,
    ...(r.ingest.rules.active
      ? [
          `rules during ingest: ${r.ingest.rules.active} active, ${r.ingest.rules.matched} matches, ${r.ingest.rules.suggested} suggestions, ${r.ingest.rules.actionsTotal} automatic actions`,
        ]
      : []),
    '',
    `${'measure'.padEnd(w0)}  ${'value'.padEnd(w1)}  ${'budget (§6)'.padEnd(w2)}  result`,
    `${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ------`,
    ...rows.map((b) => `${b.label.padEnd(w0)}  ${b.value.padEnd(w1)}  ${b.budget.padEnd(w2)}  ${b.pass === null ? '—' : b.pass ? 'pass' : 'FAIL'}`),
    '',
    'inbox list variants (p50 / p95 / p99 ms):',
    ...Object.entries(r.inboxList.variants).map(([name, t]) => `  ${name.padEnd(24)} ${t.p50Ms} / ${t.p95Ms} / ${t.p99Ms} (${t.samples})`),
  ];
  return `${lines.join('\n')}\n`;
}

import type { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import type { ApiClient } from './http';
import { fullScanResonance, fullScanResponseTimes } from './reports.queries';
import { percentile, round, summarize, timeRepeated, type Timings } from './stats';

export interface ReportNumbers {
  p95Ms: number;
  fullScanP95Ms: number;
  speedupOverFullScan: number;
  responseTimes: Timings;
  resonance: Timings;
  /** The perception-gap tab's reports (issue 23): posts × intent mix and reply time by intent (in p95Ms), … */
  perceptionGap: Timings;
  responseByIntent: Timings;
  /** … and the regulars, measured apart: it reads the period's commenter days, so its cost grows with the commenters (docs/reports.md). */
  regulars: Timings;
  fullScanResponseTimes: Timings;
  fullScanResonance: Timings;
}

/** Reports over 90 days through the API (rollups), against the same reports by a full scan of the messages (reports.sql). */
export async function measureReports(input: {
  api: ApiClient;
  ds: DataSource;
  workspaceId: string;
  days: number;
  samples: number;
  fullScanSamples: number;
}): Promise<ReportNumbers> {
  const { api, ds, workspaceId, days } = input;
  const count = Math.max(5, Math.ceil(input.samples / 2));
  const responseTimes = await timeRepeated(() => api.get(`/api/reports/response-times?period=${days}d`), count);
  const resonance = await timeRepeated(() => api.get(`/api/reports/resonance?period=${days}d`), count);
  const perceptionGap = await timeRepeated(() => api.get(`/api/reports/perception-gap?period=${days}d`), count);
  const responseByIntent = await timeRepeated(() => api.get(`/api/reports/response-by-intent?period=${days}d`), count);
  const regulars = await timeRepeated(() => api.get(`/api/reports/regulars?period=${days}d`), count);
  const scan = { warmup: 0, maxMs: 600_000 };
  const fullResponse = await timeRepeated(() => fullScanResponseTimes.run({ workspaceId, days }, sqlClient(ds)), input.fullScanSamples, scan);
  const fullResonance = await timeRepeated(() => fullScanResonance.run({ workspaceId, days }, sqlClient(ds)), input.fullScanSamples, scan);
  const p95Ms = percentile([...responseTimes, ...resonance, ...perceptionGap, ...responseByIntent], 95);
  const fullScanP95Ms = percentile([...fullResponse, ...fullResonance], 95);
  return {
    p95Ms,
    fullScanP95Ms,
    speedupOverFullScan: p95Ms > 0 ? round(fullScanP95Ms / p95Ms) : 0,
    responseTimes: summarize(responseTimes),
    resonance: summarize(resonance),
    perceptionGap: summarize(perceptionGap),
    responseByIntent: summarize(responseByIntent),
    regulars: summarize(regulars),
    fullScanResponseTimes: summarize(fullResponse),
    fullScanResonance: summarize(fullResonance),
  };
}

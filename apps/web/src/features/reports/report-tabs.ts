import type { ComponentType } from 'react';
import type { ReportName } from './get-report';
import type { ReportTabProps } from './report-filters';
import { ChannelHealthTab } from './ChannelHealthTab';
import { IntentsTab } from './IntentsTab';
import { PerceptionGapTab } from './PerceptionGapTab';
import { ResonanceTab } from './ResonanceTab';
import { ResponseTimesTab } from './ResponseTimesTab';
import type { MessageKey } from '../../shared/i18n/dictionary';

/** One tab of the reports page: its URL slug, its label, the report its CSV button exports, and its body. */
export interface ReportTab {
  value: string;
  label: MessageKey;
  csv: ReportName;
  Component: ComponentType<ReportTabProps>;
}

/**
 * The tabs in the order shown. A new tab is one file (…Tab.tsx taking ReportTabProps) and one entry
 * here; the page shell (ReportsPage.tsx) needs no change.
 */
export const REPORT_TABS: readonly ReportTab[] = [
  { value: 'response-times', label: 'reports.responseTimes', csv: 'response-times', Component: ResponseTimesTab },
  { value: 'resonance', label: 'reports.resonance', csv: 'resonance', Component: ResonanceTab },
  { value: 'intents', label: 'reports.intents', csv: 'intents', Component: IntentsTab },
  { value: 'channels-health', label: 'reports.health', csv: 'channels-health', Component: ChannelHealthTab },
  { value: 'perception-gap', label: 'gap.tab', csv: 'perception-gap', Component: PerceptionGapTab },
];

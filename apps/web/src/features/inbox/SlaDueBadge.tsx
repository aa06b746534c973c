import { Badge } from '@mantine/core';
import type { ThreadItem } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useNow } from '../../shared/time/use-now';

/** Within this much of its due time a thread shows as "due soon" (orange). */
const SOON_MS = 15 * 60_000;

/**
 * "due in 12 min" / "overdue 5 min" for a thread whose customer waits (thread.slaDueAt, docs/sla.md),
 * moving on with the shared clock. Colours carry no meaning alone: the words say it.
 */
export function SlaDueBadge({ thread, size = 'xs' }: { thread: Pick<ThreadItem, 'slaDueAt' | 'status'>; size?: 'xs' | 'sm' }) {
  const { t, formatDuration, formatDateTime } = useI18n();
  const now = useNow();
  if (!thread.slaDueAt || thread.status === 'closed') return null;
  const left = new Date(thread.slaDueAt).getTime() - now;
  // Minutes shown round up while due (never "due in 0 min") and down when overdue.
  const seconds = left >= 0 ? Math.ceil(left / 60_000) * 60 : Math.floor(-left / 60_000) * 60;
  const overdue = left < 0;
  return (
    <Badge
      size={size}
      // Not yet due soon: outlined (axe measured the light variant of gray.8 at 1.4:1, #495057 on #343a40).
      variant={overdue ? 'filled' : left < SOON_MS ? 'light' : 'outline'}
      color={overdue ? 'red.8' : left < SOON_MS ? 'orange.9' : 'gray.8'}
      title={t('sla.dueAt', { date: formatDateTime(thread.slaDueAt) })}
      data-testid="sla-due"
      data-overdue={overdue}
      style={{ flexShrink: 0 }}
    >
      {overdue ? t('sla.overdue', { time: formatDuration(Math.max(seconds, 60)) }) : t('sla.dueIn', { time: formatDuration(seconds) })}
    </Badge>
  );
}

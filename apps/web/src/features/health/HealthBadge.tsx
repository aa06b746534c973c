import { useEffect, useState } from 'react';
import { Badge, Tooltip } from '@mantine/core';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { apiSignal } from '../../shared/time/stall';
import { useHealth } from './get-health';

// Its text takes the theme's ink for a light badge of the colour (shared/ui/theme.ts: AA on the tint).
const COLOR = { ok: 'teal', slow: 'orange', down: 'red' } as const;

/**
 * A small badge: green while the API and its backends answer, amber when the API has missed an
 * answer (frozen or slow: the check times out), red when it stays silent or says something is down.
 */
export function HealthBadge() {
  const { t, formatDuration } = useI18n();
  const { data, isPending, dataUpdatedAt } = useHealth();
  // Its own clock every 2 s: the page's shared clock (15 s) is too slow to see a 20-second freeze.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 2_000);
    return () => clearInterval(timer);
  }, []);
  if (isPending) return null;
  const age = Math.max(0, now - dataUpdatedAt);
  const signal = apiSignal(data?.status === 'ok', age);
  const detail =
    signal === 'ok' && data
      ? Object.entries(data.details)
          .map(([name, part]) => `${name}: ${part.status}${part.backend ? ` (${part.backend})` : ''}`)
          .join(' · ')
      : t('health.apiSlowHint', { time: formatDuration(age / 1000) });
  return (
    <Tooltip label={detail} multiline w={220}>
      <Badge role="status" color={COLOR[signal]} variant="light" size="sm" w="fit-content" data-testid="api-state" data-state={signal}>
        {t(signal === 'ok' ? 'health.apiOk' : signal === 'slow' ? 'health.apiSlow' : 'health.apiDown')}
      </Badge>
    </Tooltip>
  );
}

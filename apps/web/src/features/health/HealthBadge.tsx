import { Badge, Tooltip } from '@mantine/core';
import { useHealth } from './get-health';

/** A small badge: green when the API and its backends answer, red when something is down. */
export function HealthBadge() {
  const { data, isPending, isError } = useHealth();
  if (isPending) return null;
  const ok = !isError && data?.status === 'ok';
  const detail = data
    ? Object.entries(data.details)
        .map(([name, part]) => `${name}: ${part.status}${part.backend ? ` (${part.backend})` : ''}`)
        .join(' · ')
    : 'API';
  return (
    <Tooltip label={detail} multiline w={220}>
      <Badge role="status" color={ok ? 'teal' : 'red'} variant="light" size="sm" w="fit-content">
        {ok ? 'API ok' : 'API ✕'}
      </Badge>
    </Tooltip>
  );
}

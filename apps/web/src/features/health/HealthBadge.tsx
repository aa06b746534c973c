import { useHealth } from './get-health';

export function HealthBadge() {
  const { data, isPending, isError } = useHealth();
  if (isPending) return <span role="status">…</span>;
  if (isError || !data) return <span role="status">API nicht erreichbar</span>;
  return (
    <span role="status">
      {Object.entries(data.details)
        .map(([name, part]) => `${name}: ${part.status}${part.backend ? ` (${part.backend})` : ''}`)
        .join(' · ')}
    </span>
  );
}

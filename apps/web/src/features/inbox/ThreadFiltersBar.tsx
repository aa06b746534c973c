import { useEffect, useEffectEvent, useState } from 'react';
import { Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { INTENTS, NETWORKS, THREAD_STATUSES } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useAssignees } from './list-assignees';
import type { ThreadFilters } from './thread-filters';
import { useChannelOptions } from './triage-api';

const WAITING = [
  { value: '15', key: 'inbox.waiting.15m' },
  { value: '60', key: 'inbox.waiting.1h' },
  { value: '240', key: 'inbox.waiting.4h' },
  { value: '1440', key: 'inbox.waiting.24h' },
] as const;

export function ThreadFiltersBar({
  filters,
  onPatch,
  searchRef,
}: {
  filters: ThreadFilters;
  /**
   * Changes some filters, keeping the others as the address bar has them (not as this render's
   * `filters` do: React Router renders a navigation in a transition, so a change right after another
   * one, or the search's timer, would otherwise put the previous values back).
   */
  onPatch: (changes: Partial<ThreadFilters>) => void;
  searchRef: React.Ref<HTMLInputElement>;
}) {
  const { t } = useI18n();
  const assignees = useAssignees();
  const channels = useChannelOptions();
  const [q, setQ] = useState(filters.q ?? '');
  // The search this box applied last.
  const [appliedQ, setAppliedQ] = useState(filters.q);
  // The box follows a search set from outside (back button, a link): adjusted while rendering. Not
  // a render that is only catching up with what this box applied (the address bar is ahead of it: a
  // navigation renders in a transition, late on a busy machine) — the agent may have typed on
  // meanwhile, and those keys would be lost.
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    const current = (new URLSearchParams(window.location.search).get('q') ?? undefined) === filters.q;
    if (filters.q !== appliedQ && current) {
      setAppliedQ(filters.q);
      setQ(filters.q ?? '');
    }
  }
  // Search as you type, without a request per key stroke; only typing restarts the wait.
  const applySearch = useEffectEvent((text: string) => {
    const next = text || undefined;
    if (next === appliedQ && next === filters.q) return;
    setAppliedQ(next);
    onPatch({ q: next });
  });
  useEffect(() => {
    const handle = setTimeout(() => applySearch(q.trim()), 300);
    return () => clearTimeout(handle);
  }, [q]);

  const set = <K extends keyof ThreadFilters>(key: K, value: ThreadFilters[K] | null) => onPatch({ [key]: value ?? undefined });
  return (
    <Stack gap={6} p="xs" role="search" aria-label={t('inbox.filters')}>
      <TextInput
        ref={searchRef}
        size="xs"
        type="search"
        aria-label={t('common.search')}
        placeholder={t('inbox.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="filter-search"
      />
      <Group gap={6} grow>
        <Select
          size="xs"
          aria-label={t('inbox.status')}
          placeholder={t('inbox.status')}
          data={[{ value: 'all', label: t('common.all') }, ...THREAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          value={filters.status ?? 'open'}
          onChange={(v) => set('status', (v as ThreadFilters['status']) ?? 'open')}
          data-testid="filter-status"
          allowDeselect={false}
        />
      </Group>
      <Group gap={6} grow>
        <MultiSelect
          size="xs"
          aria-label={t('triage.networks')}
          placeholder={filters.networks?.length ? undefined : t('triage.networks')}
          clearable
          data={NETWORKS.map((n) => ({ value: n, label: t(`network.${n}`) }))}
          value={filters.networks ?? []}
          onChange={(v) => set('networks', v.length ? NETWORKS.filter((n) => v.includes(n)) : undefined)}
          data-testid="filter-network"
        />
        <MultiSelect
          size="xs"
          aria-label={t('triage.channels')}
          placeholder={filters.channels?.length ? undefined : t('triage.channels')}
          clearable
          searchable
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName} · ${t(`network.${c.network}`)}` }))}
          value={filters.channels ?? []}
          onChange={(v) => set('channels', v.length ? v : undefined)}
          data-testid="filter-channel"
        />
      </Group>
      <Group gap={6} grow>
        <Select
          size="xs"
          aria-label={t('inbox.assignee')}
          placeholder={t('inbox.assignee')}
          clearable
          searchable
          data={[
            { value: 'me', label: t('inbox.assignee.me') },
            { value: 'unassigned', label: t('inbox.assignee.unassigned') },
            ...(assignees.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
          value={filters.assignee ?? null}
          onChange={(v) => set('assignee', v ?? undefined)}
          data-testid="filter-assignee"
        />
        <Select
          size="xs"
          aria-label={t('inbox.intent')}
          placeholder={t('inbox.intent')}
          clearable
          data={INTENTS.map((i) => ({ value: i, label: t(`intent.${i}`) }))}
          value={filters.intent ?? null}
          onChange={(v) => set('intent', v as ThreadFilters['intent'])}
          data-testid="filter-intent"
        />
      </Group>
      <Group gap={6} grow>
        <Select
          size="xs"
          aria-label={t('inbox.sentiment')}
          placeholder={t('inbox.sentiment')}
          clearable
          data={(['negative', 'neutral', 'positive'] as const).map((s) => ({ value: s, label: t(`sentiment.${s}`) }))}
          value={filters.sentiment ?? null}
          onChange={(v) => set('sentiment', v as ThreadFilters['sentiment'])}
          data-testid="filter-sentiment"
        />
        <Select
          size="xs"
          aria-label={t('inbox.waitingLonger')}
          placeholder={t('inbox.waitingLonger')}
          clearable
          data={WAITING.map((w) => ({ value: w.value, label: `> ${t(w.key)}` }))}
          value={filters.waitingLongerThan ? String(filters.waitingLongerThan) : null}
          onChange={(v) => set('waitingLongerThan', v ? Number(v) : undefined)}
          data-testid="filter-waiting"
        />
      </Group>
    </Stack>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Badge, Group, Kbd, Modal, Text, Title } from '@mantine/core';
import { INTENTS, NETWORKS, THREAD_SORTS, THREAD_STATUSES, type Intent, type ThreadSort, type ThreadStatus } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { canWriteInbox, useSessionUser } from '../../shared/session/session';
import { EmptyState } from '../../shared/ui/states';
import type { ComposerHandle } from './Composer';
import { BulkBar } from './BulkBar';
import { ContactPanel } from './ContactPanel';
import { Conversation } from './Conversation';
import { InboxLayout } from './InboxLayout';
import { ThreadFiltersBar } from './ThreadFiltersBar';
import { PRIORITY_INPUT_ID, TAGS_INPUT_ID } from './ThreadTriage';
import { TriageBar } from './TriageBar';
import { ModerationViews } from './ModerationViews';
import { InboxFlowContext, nextWaitingThread, useCloseThread, type InboxFlow } from './inbox-flow';
import { ThreadList } from './ThreadList';
import { useThreadList } from './list-threads';
import { useUpdateThread } from './update-thread';
import { useLiveEvents } from './use-live-events';
import { LIVE_STALLED_AFTER_MS } from '../../shared/time/stall';
import { useThreadSelection } from './use-thread-selection';
import type { ThreadFilters } from './thread-filters';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The inbox filters a URL's query names. */
function filtersOf(params: URLSearchParams): ThreadFilters {
  const waiting = Number(params.get('waiting'));
  return {
    status: pick<ThreadStatus | 'all'>(params.get('status'), [...THREAD_STATUSES, 'all']) ?? 'open',
    networks: NETWORKS.filter((n) => params.getAll('network').includes(n)),
    channels: params.getAll('channel'),
    needsReply: params.get('needs') === '1' ? true : undefined,
    spam: params.get('spam') === '1' ? true : undefined,
    heldForReview: params.get('held') === '1' ? true : undefined,
    hiddenByRules: params.get('ruleHidden') === '1' ? true : undefined,
    sort: pick<ThreadSort>(params.get('sort'), THREAD_SORTS),
    assignee: params.get('assignee') ?? undefined,
    intent: pick<Intent>(params.get('intent'), INTENTS),
    sentiment: pick(params.get('sentiment'), ['negative', 'neutral', 'positive'] as const),
    waitingLongerThan: Number.isFinite(waiting) && waiting > 0 ? waiting : undefined,
    q: params.get('q') ?? undefined,
  };
}

/**
 * Filters live in the URL, so a filtered inbox can be bookmarked, shared and reloaded. `patch`
 * changes some of them on top of the URL as it is at that moment: two quick changes (a view, then
 * the sort) must not lose the first to a render that has not happened yet.
 */
function useFiltersFromUrl(): [ThreadFilters, (next: ThreadFilters) => void, (changes: Partial<ThreadFilters>) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo<ThreadFilters>(() => filtersOf(params), [params]);
  const set = useCallback(
    (next: ThreadFilters) => {
      const out = new URLSearchParams();
      if (next.status && next.status !== 'open') out.set('status', next.status);
      for (const network of next.networks ?? []) out.append('network', network);
      for (const channel of next.channels ?? []) out.append('channel', channel);
      if (next.needsReply) out.set('needs', '1');
      if (next.spam) out.set('spam', '1');
      if (next.heldForReview) out.set('held', '1');
      if (next.hiddenByRules) out.set('ruleHidden', '1');
      if (next.sort && next.sort !== 'newest') out.set('sort', next.sort);
      if (next.assignee) out.set('assignee', next.assignee);
      if (next.intent) out.set('intent', next.intent);
      if (next.sentiment) out.set('sentiment', next.sentiment);
      if (next.waitingLongerThan) out.set('waiting', String(next.waitingLongerThan));
      if (next.q) out.set('q', next.q);
      // On the path the address bar has now, not the one of the last render (setSearchParams' `?…`
      // resolves against that): a thread opened a moment ago, its navigation still rendering in a
      // transition, stays open when the search's timer fires (it used to be closed again).
      void navigate({ pathname: window.location.pathname, search: out.toString() }, { replace: true });
    },
    [navigate],
  );
  const patch = useCallback((changes: Partial<ThreadFilters>) => set({ ...filtersOf(new URLSearchParams(window.location.search)), ...changes }), [set]);
  return [filters, set, patch];
}

export function InboxPage() {
  const { t, formatDuration } = useI18n();
  const user = useSessionUser();
  const { threadId } = useParams();
  const navigate = useNavigate();
  const [filters, setFilters, patchFilters] = useFiltersFromUrl();
  const list = useThreadList(filters);
  const threads = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const live = useLiveEvents();
  const composer = useRef<ComposerHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const selection = useThreadSelection(threads);

  // Where the open thread was in the list: after it leaves the view (closed under "Open"), J/K and
  // the auto-advance go on from there instead of jumping to the top.
  const lastIndex = useRef(0);
  const openIndex = threads.findIndex((th) => th.id === threadId);
  const threadsRef = useRef(threads);
  useEffect(() => {
    if (openIndex >= 0) lastIndex.current = openIndex;
    threadsRef.current = threads;
  }, [openIndex, threads]);

  // With the filters the address bar has now (a search applied a moment ago may not be rendered yet).
  const open = useCallback((id: string) => void navigate({ pathname: `/inbox/${id}`, search: window.location.search }), [navigate]);
  // After a close (E, the Close button, Send and close): the next thread of this view that waits on us.
  const flow = useMemo<InboxFlow>(
    () => ({
      afterClose: (closedId) => {
        const next = nextWaitingThread(threadsRef.current, closedId, lastIndex.current);
        if (next) open(next.id);
        else void navigate({ pathname: '/inbox', search: window.location.search });
      },
    }),
    [open, navigate],
  );
  const unreadTotal = threads.reduce((sum, th) => sum + (th.unreadCount > 0 ? 1 : 0), 0);

  // Keyboard shortcuts for the common actions (not while typing in a field).
  const update = useUpdateThread(threadId ?? '');
  const closing = useCloseThread(threadId ?? '');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"], [role="combobox"]') || e.ctrlKey || e.metaKey || e.altKey) return;
      const found = threads.findIndex((th) => th.id === threadId);
      // The open thread left the list: the one now in its place is "next", the one above "previous".
      const index = found >= 0 || !threadId ? found : lastIndex.current - 1;
      const writer = canWriteInbox(user.role);
      switch (e.key) {
        case 'j':
        case 'ArrowDown': {
          const next = threads[Math.min(index + 1, threads.length - 1)];
          if (next) open(next.id);
          break;
        }
        case 'k':
        case 'ArrowUp': {
          const prev = threads[Math.max(index - 1, 0)];
          if (prev) open(prev.id);
          break;
        }
        case 'J':
        case 'K': {
          // Shift+J/K: extend the bulk selection from the open thread to the next/previous one.
          const to = threads[e.key === 'J' ? Math.min(index + 1, threads.length - 1) : Math.max(index - 1, 0)];
          if (!writer || !to) return;
          selection.add(...(threadId && found >= 0 ? [threadId] : []), to.id);
          open(to.id);
          break;
        }
        case 'x':
          if (!writer || !threadId || found < 0) return;
          selection.toggle(threadId, false);
          break;
        case 'p':
        case 't':
          if (!threadId || !writer) return;
          document.getElementById(e.key === 'p' ? PRIORITY_INPUT_ID : TAGS_INPUT_ID)?.focus();
          break;
        case 'Enter':
          // Only when nothing else wants the key: Enter on a focused button (retry, like, …)
          // must press that button, not be swallowed by preventDefault below.
          if (threadId || !threads[0] || target.closest('button, a[href], [role="button"]')) return;
          open(threads[0].id);
          break;
        case 'r':
          if (threadId && writer) composer.current?.focus('reply');
          break;
        case 'n':
          if (threadId && writer) composer.current?.focus('note');
          break;
        case 'e':
          if (threadId && writer) closing.close();
          break;
        case 'o':
          if (threadId && writer) update.mutate({ kind: 'status', status: 'open' });
          break;
        case 'a':
          if (threadId && writer) update.mutate({ kind: 'assign', assigneeId: user.id });
          break;
        case '/':
          searchRef.current?.focus();
          break;
        case '?':
          setHelp(true);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [threads, threadId, open, update, closing, selection, user]);

  return (
    <>
      <InboxLayout
        threadId={threadId}
        list={
          <>
            <Group justify="space-between" px="sm" pt="sm">
              <Title order={1} size="h4">
                {t('nav.inbox')}
              </Title>
              <Group gap={6}>
                {unreadTotal > 0 && (
                  <Badge color="indigo" size="sm" data-testid="unread-total">
                    {t('inbox.unread', { count: unreadTotal })}
                  </Badge>
                )}
                <Badge
                  color={live === 'live' ? 'teal' : live === 'stalled' ? 'orange' : live === 'lost' ? 'red' : 'gray'}
                  variant="dot"
                  size="sm"
                  title={
                    live === 'lost'
                      ? t('inbox.liveLost')
                      : live === 'stalled'
                        ? t('inbox.liveStalledHint', { time: formatDuration(LIVE_STALLED_AFTER_MS / 1000) })
                        : undefined
                  }
                  data-testid="live-state"
                  data-state={live}
                >
                  {live === 'lost' ? t('inbox.liveLost') : live === 'stalled' ? t('inbox.liveStalled') : t('inbox.live')}
                </Badge>
              </Group>
            </Group>
            <TriageBar filters={filters} onPatch={patchFilters} onOpen={setFilters} />
            <ModerationViews filters={filters} onPatch={patchFilters} />
            <ThreadFiltersBar filters={filters} onPatch={patchFilters} searchRef={searchRef} />
            {canWriteInbox(user.role) && <BulkBar selection={selection} />}
            <ThreadList query={list} threads={threads} selectedId={threadId} onSelect={open} selection={canWriteInbox(user.role) ? selection : undefined} />
          </>
        }
        conversation={
          <InboxFlowContext value={flow}>
            {threadId ? <Conversation key={threadId} ref={composer} threadId={threadId} /> : <EmptyState>{t('inbox.selectThread')}</EmptyState>}
          </InboxFlowContext>
        }
        contact={threadId && <ContactPanel threadId={threadId} />}
        hint={
          <Text size="xs" c="dimmed" p="sm">
            <Kbd size="xs">?</Kbd> {t('shortcuts.title')}
          </Text>
        }
      />
      <Modal opened={help} onClose={() => setHelp(false)} title={t('shortcuts.title')}>
        <Text size="sm">{t('shortcuts.list')}</Text>
        <Text size="sm" mt="xs">
          {t('triage.shortcuts')}
        </Text>
      </Modal>
    </>
  );
}

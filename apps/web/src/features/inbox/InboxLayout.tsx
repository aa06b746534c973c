import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Box, Button, Drawer, Group } from '@mantine/core';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useNarrow } from '../../shared/ui/use-narrow';

const BORDER = '1px solid var(--mantine-color-gray-3)';

/**
 * Where the inbox's parts go. Wide: three panes (list, thread, customer). Narrow (use-narrow.ts):
 * one pane at a time — the list, or the open thread with a Back control and the customer panel in a
 * drawer. The thread is its own URL either way, so the browser's Back button returns to the list.
 * Focus follows: into the thread (its Back control) when one opens, back onto its row on return.
 */
export function InboxLayout({
  threadId,
  list,
  conversation,
  contact,
  hint,
}: {
  threadId: string | undefined;
  list: ReactNode;
  conversation: ReactNode;
  contact: ReactNode;
  /** The keyboard-shortcut hint under the customer panel. */
  hint: ReactNode;
}) {
  const { t } = useI18n();
  const narrow = useNarrow();
  const [search] = useSearchParams();
  // Open for one thread: moving to another thread (J/K, a notification) closes it.
  const [contactFor, setContactFor] = useState<string | undefined>(undefined);
  const contactOpen = !!threadId && contactFor === threadId;
  const back = useRef<HTMLAnchorElement>(null);
  const lastThread = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!narrow) return;
    if (threadId) {
      lastThread.current = threadId;
      back.current?.focus();
      return;
    }
    const returning = lastThread.current;
    if (!returning) return;
    // The list renders its rows after this effect (virtualized): the next frame finds the row.
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(returning)}"]`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [narrow, threadId]);

  const listPane = (
    <Box
      component="section"
      aria-label={t('inbox.threads')}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, borderRight: narrow ? undefined : BORDER, minHeight: 0 }}
    >
      {list}
    </Box>
  );

  if (narrow) {
    if (!threadId) return <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>{listPane}</Box>;
    return (
      <Box component="section" aria-label={t('composer.reply')} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Group justify="space-between" gap="xs" px="xs" py={6} wrap="wrap" style={{ borderBottom: BORDER }}>
          <Button
            ref={back}
            component={Link}
            to={{ pathname: '/inbox', search: search.toString() }}
            variant="subtle"
            size="sm"
            px="xs"
            leftSection={<span aria-hidden>←</span>}
            data-testid="inbox-back"
          >
            {t('inbox.backToList')}
          </Button>
          <Button
            variant="default"
            size="sm"
            onClick={() => setContactFor(threadId)}
            aria-haspopup="dialog"
            aria-expanded={contactOpen}
            data-testid="contact-open"
          >
            {t('inbox.showContact')}
          </Button>
        </Group>
        <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>{conversation}</Box>
        <Drawer
          opened={contactOpen}
          onClose={() => setContactFor(undefined)}
          position="right"
          size="100%"
          title={t('contact.title')}
          data-testid="contact-drawer"
        >
          {contact}
        </Drawer>
      </Box>
    );
  }

  return (
    <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(300px, 360px) minmax(0, 1fr) 280px', flex: 1, minHeight: 0 }}>
      {listPane}
      <Box component="section" aria-label={t('composer.reply')} style={{ minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {conversation}
      </Box>
      <Box component="aside" aria-label={t('contact.title')} style={{ borderLeft: BORDER, overflowY: 'auto', minHeight: 0 }}>
        {contact}
        {hint}
      </Box>
    </Box>
  );
}

import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { MessageItem, ThreadDetail } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { replyLimit, replyWindowClosedAt, textLength } from '../../shared/networks';
import { useSessionUser } from '../../shared/session/session';
import { MentionTextarea } from '../notes/MentionTextarea';
import { toStoredText } from '../notes/mentions';
import { useAddNote } from './add-note';
import { useAssignees } from './list-assignees';
import { useCannedResponses } from './list-canned-responses';
import { useRenderCannedResponse } from './render-canned-response';
import { useSendReply } from './send-reply';
import { ApiError } from '../../shared/api/http';
import { useSetPresence } from './set-presence';

export interface ComposerHandle {
  focus(mode: 'reply' | 'note'): void;
}

/** Fills the variables a canned response may carry. */
function fillVariables(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\s*([a-z.]+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

export const Composer = forwardRef<ComposerHandle, { thread: ThreadDetail; messages: MessageItem[] }>(function Composer({ thread, messages }, ref) {
  const { t, formatRelative } = useI18n();
  const user = useSessionUser();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedResponses();
  const reply = useSendReply();
  const note = useAddNote();
  const members = useAssignees().data ?? [];
  const presence = useSetPresence();

  useImperativeHandle(ref, () => ({
    focus(next) {
      setMode(next);
      setTimeout(() => textareaRef.current?.focus(), 0);
    },
  }));

  // A fresh composer per thread; the newest inbound message seen when the agent started writing.
  const latestInbound = useMemo(() => messages.filter((m) => m.direction === 'inbound').at(-1)?.createdAt ?? null, [messages]);
  const [seenInbound, setSeenInbound] = useState<string | null>(null);
  // The newest message when the agent started writing: the API answers 409 if the customer wrote since.
  const [seenMessageId, setSeenMessageId] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  useEffect(() => {
    setText('');
    setFeedback(null);
    setSeenInbound(null);
    setSeenMessageId(null);
    setConflict(false);
  }, [thread.id]);
  useEffect(() => {
    if (text && seenInbound === null) {
      setSeenInbound(latestInbound ?? '');
      setSeenMessageId(thread.lastMessageId ?? messages.at(-1)?.id ?? null);
    }
    if (!text) {
      setSeenInbound(null);
      setSeenMessageId(null);
      setConflict(false);
    }
    // The guards make a rerun for new messages change nothing: the snapshot is taken once per draft.
  }, [text, seenInbound, latestInbound, messages, thread.lastMessageId]);
  const newerInbound = conflict || (seenInbound !== null && latestInbound !== null && latestInbound > seenInbound);
  const renderCanned = useRenderCannedResponse();

  // Tell the others "typing" while writing (throttled to one call per 5 s).
  const lastTyping = useRef(0);
  const onType = (value: string) => {
    setText(value);
    setFeedback(null);
    if (mode === 'reply' && Date.now() - lastTyping.current > 5000) {
      lastTyping.current = Date.now();
      presence.mutate({ threadId: thread.id, state: 'typing' });
    }
  };

  const max = replyLimit(thread.network, thread.kind);
  const length = textLength(text);
  const tooLong = mode === 'reply' && length > max;
  const windowClosed = mode === 'reply' ? replyWindowClosedAt(thread.network, thread.kind, thread.lastInboundAt) : null;
  const busy = reply.isPending || note.isPending;
  const canSend = text.trim().length > 0 && !tooLong && !windowClosed && !busy;

  const submit = () => {
    if (!canSend) return;
    const body = text.trim();
    if (mode === 'reply') {
      reply.mutate(
        { threadId: thread.id, text: body, lastSeenMessageId: seenMessageId, confirmNewer: conflict },
        {
          onSuccess: () => {
            setText('');
            setFeedback({ ok: true, text: t('composer.sent') });
          },
          onError: (error) => {
            // 409: the customer wrote again since the agent started; show it, the next send confirms.
            if (error instanceof ApiError && error.status === 409) setConflict(true);
            else setFeedback({ ok: false, text: t('composer.failed', { message: error.message }) });
          },
        },
      );
    } else {
      note.mutate(
        { threadId: thread.id, text: toStoredText(body, members) },
        { onSuccess: () => setText(''), onError: (error) => setFeedback({ ok: false, text: t('composer.failed', { message: error.message }) }) },
      );
    }
  };

  const vars = {
    'contact.name': thread.contact?.name ?? '',
    'contact.handle': thread.contact?.handle ?? '',
    'agent.name': user.name,
    'channel.name': thread.channel.displayName,
    network: t(`network.${thread.network}`),
  };

  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="composer">
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => setMode(v)}
          data={[
            { value: 'reply', label: t('composer.reply') },
            { value: 'note', label: t('composer.note') },
          ]}
          aria-label={t('composer.reply')}
        />
        {mode === 'reply' && (
          <Select
            size="xs"
            w={240}
            searchable
            aria-label={t('composer.canned')}
            placeholder={canned.isError ? t('common.none') : t('composer.cannedPlaceholder')}
            disabled={!canned.data?.length}
            data={(canned.data ?? []).map((c) => ({ value: c.id, label: c.shortcut ? `${c.title} (/${c.shortcut})` : c.title }))}
            value={null}
            onChange={(id) => {
              const chosen = canned.data?.find((c) => c.id === id);
              if (!chosen) return;
              const insert = (filled: string) => {
                onType((text ? `${text}\n` : '') + filled);
                textareaRef.current?.focus();
              };
              // The API fills the variables for this thread; offline, the same variables are filled here.
              renderCanned.mutate(
                { id: chosen.id, threadId: thread.id },
                { onSuccess: (r) => insert(r.text), onError: () => insert(fillVariables(chosen.text, vars)) },
              );
            }}
            data-testid="canned-select"
          />
        )}
      </Group>
      {windowClosed && (
        <Alert color="orange" variant="light" p="xs" data-testid="messenger-window">
          <Text size="xs">{t('composer.messengerWindow', { time: formatRelative(windowClosed) })}</Text>
        </Alert>
      )}
      {newerInbound && mode === 'reply' && (
        <Alert color="yellow" variant="light" p="xs" role="alert" data-testid="newer-inbound">
          <Text size="xs">{t('inbox.newerInbound')}</Text>
        </Alert>
      )}
      <MentionTextarea
        ref={textareaRef}
        members={members}
        mentions={mode === 'note'}
        autosize
        minRows={2}
        maxRows={8}
        aria-label={mode === 'reply' ? t('composer.reply') : t('inbox.note')}
        placeholder={mode === 'reply' ? t('composer.placeholder') : t('composer.notePlaceholder')}
        value={text}
        onValueChange={onType}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
        data-testid="composer-text"
      />
      <Group justify="space-between">
        <Text size="xs" c={tooLong ? 'red' : 'dimmed'} aria-live="polite">
          {mode === 'reply'
            ? tooLong
              ? t('composer.tooLong', { network: t(`network.${thread.network}`), max })
              : t('composer.limit', { count: length, max })
            : ''}
        </Text>
        <Group gap="xs">
          {feedback && (
            <Text size="xs" c={feedback.ok ? 'teal' : 'red'} role="status" data-testid="composer-feedback">
              {feedback.text}
            </Text>
          )}
          <Button size="xs" onClick={submit} disabled={!canSend} loading={busy} color={mode === 'note' ? 'yellow' : undefined} data-testid="composer-submit">
            {mode === 'reply' ? t(conflict ? 'composer.sendAnyway' : 'composer.send') : t('composer.addNote')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
});

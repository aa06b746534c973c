import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { fillTemplate, firstNameOf, unfilledVariables, type CannedResponse, type MessageItem, type ThreadDetail } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { replyLimit, textLength } from '../../shared/networks';
import { useSessionUser } from '../../shared/session/session';
import { useCaretAfterInsert } from '../../shared/ui/use-caret-after-insert';
import { MentionTextarea } from '../notes/MentionTextarea';
import { toStoredText } from '../notes/mentions';
import { useAddNote } from './add-note';
import { useCloseThread } from './inbox-flow';
import { useAssignees } from './list-assignees';
import { useCannedResponses } from './list-canned-responses';
import { useRenderCannedResponse } from './render-canned-response';
import { useSendReply } from './send-reply';
import { useSendPrivateReply } from './send-private-reply';
import { ReplyWindowNotice } from './ReplyWindowNotice';
import { ApiError } from '../../shared/api/http';
import { useErrorText } from '../../shared/api/error-text';
import { useSetPresence } from './set-presence';
import { CannedSuggestions } from './CannedSuggestions';
import { answerableComments, matchCanned, slashTokenAt, writtenSince } from './composer-rules';
import { ReplyProgress } from './ReplyProgress';
import { ReplyToChooser } from './ReplyToChooser';

export interface ComposerHandle {
  focus(mode: 'reply' | 'note'): void;
}

export const Composer = forwardRef<ComposerHandle, { thread: ThreadDetail; messages: MessageItem[] }>(function Composer({ thread, messages }, ref) {
  const { t } = useI18n();
  // API errors in the UI's language (never the API's English text).
  const errorText = useErrorText();
  const user = useSessionUser();
  // 'private': a private reply to the chosen comment (offered where the API lists private_reply for it).
  const [mode, setMode] = useState<'reply' | 'note' | 'private'>('reply');
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const placeCaretAfterInsert = useCaretAfterInsert(textareaRef, text);
  const canned = useCannedResponses();
  const reply = useSendReply();
  const privateReply = useSendPrivateReply();
  const note = useAddNote();
  const members = useAssignees().data ?? [];
  const presence = useSetPresence();
  const closing = useCloseThread(thread.id);

  // R/N focus the textarea in the task of the key press (focusRequest: the layout effect below).
  // A timer ran after the keys typed right behind R, which went to the window's shortcuts instead
  // ("Danke": A assigned the thread, E closed it) on a busy machine.
  const [focusRequest, setFocusRequest] = useState(0);
  useImperativeHandle(ref, () => ({
    focus(next) {
      setMode(next);
      setFocusRequest((n) => n + 1);
    },
  }));
  // After the render that switched the mode (the note mode may enable a textarea a closed
  // messaging window disabled for replies).
  useLayoutEffect(() => {
    if (focusRequest > 0) textareaRef.current?.focus();
  }, [focusRequest]);

  // The newest message when the agent started writing: the API answers 409 if the customer or a
  // colleague wrote since, and the warning below says who.
  const [seenMessageId, setSeenMessageId] = useState<string | null>(null);
  // The newer messages of the API's 409: the next send confirms them.
  const [conflict, setConflict] = useState<MessageItem[] | null>(null);
  // The comment answered (comment threads), and the reply sent last, followed through its live events.
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [lastReply, setLastReply] = useState<MessageItem | null>(null);
  // The `/shortcut` being typed: the caret's place, the highlighted suggestion, Esc's dismissal.
  const [caret, setCaret] = useState(0);
  const [activeSuggestion, setActiveSuggestion] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // A fresh composer per thread.
  useEffect(() => {
    setText('');
    setFeedback(null);
    setSeenMessageId(null);
    setConflict(null);
    setReplyTo(null);
    setLastReply(null);
  }, [thread.id]);
  useEffect(() => {
    if (text && seenMessageId === null) setSeenMessageId(thread.lastMessageId ?? messages.at(-1)?.id ?? '0');
    if (!text) {
      setSeenMessageId(null);
      setConflict(null);
    }
    // The guards make a rerun for new messages change nothing: the snapshot is taken once per draft.
  }, [text, seenMessageId, messages, thread.lastMessageId]);
  const since = useMemo(() => writtenSince([...messages, ...(conflict ?? [])], seenMessageId, user.id), [messages, conflict, seenMessageId, user.id]);
  const newerWritten = conflict !== null || since.customer || since.colleagues.length > 0;
  const renderCanned = useRenderCannedResponse();
  const comments = useMemo(() => answerableComments(thread, messages), [thread, messages]);
  const answered = comments.find((c) => c.externalId === replyTo) ?? comments.at(-1) ?? null;
  const sentReply = lastReply ? (messages.find((m) => m.id === lastReply.id) ?? lastReply) : null;
  // The API says whether the chosen comment may be answered privately now; another comment chosen (or
  // the reply sent) ends the private mode.
  const privateOk = answered?.actions.includes('private_reply') ?? false;
  const active = mode === 'private' && !privateOk ? 'reply' : mode;
  const writing = active !== 'note';

  // Tell the others "typing" while writing (throttled to one call per 5 s).
  const lastTyping = useRef(0);
  const onType = (value: string) => {
    setText(value);
    setFeedback(null);
    setLastReply(null);
    if (writing && Date.now() - lastTyping.current > 5000) {
      lastTyping.current = Date.now();
      presence.mutate({ threadId: thread.id, state: 'typing' });
    }
  };

  // A private reply is a direct message: the network's limit for those.
  const max = replyLimit(thread.network, active === 'private' ? 'direct' : thread.kind);
  const length = textLength(text);
  const tooLong = writing && length > max;
  // The API's word on the messaging window (ThreadDetail.replyWindow): closed, nobody can type a reply.
  const windowClosed = active === 'reply' && thread.replyWindow?.closed === true;
  const busy = reply.isPending || note.isPending || privateReply.isPending;
  // A canned response's variable without a value is never sent as written (the API refuses it too).
  const unfilled = writing ? unfilledVariables(text) : [];
  const canSend = text.trim().length > 0 && !tooLong && !windowClosed && !busy && unfilled.length === 0;

  /** Sends; with `andClose` (Ctrl/Cmd+Shift+Enter, "Send and close") the thread closes once the reply is queued. */
  const submit = (andClose = false) => {
    if (!canSend) return;
    const body = text.trim();
    if (active === 'private' && answered) {
      privateReply.mutate(
        { commentId: answered.id, threadId: thread.id, text: body },
        {
          onSuccess: () => {
            setText('');
            setMode('reply');
            setFeedback({ ok: true, text: t('privateReply.sent', { name: answered.author?.name ?? answered.author?.handle ?? t('privateReply.someone') }) });
          },
          onError: (error) => setFeedback({ ok: false, text: t('composer.failed', { message: errorText(error) }) }),
        },
      );
    } else if (active === 'reply') {
      reply.mutate(
        {
          threadId: thread.id,
          text: body,
          lastSeenMessageId: seenMessageId,
          confirmNewer: conflict !== null,
          parentExternalId: answered?.externalId ?? undefined,
        },
        {
          onSuccess: (sent) => {
            setText('');
            setLastReply(sent);
            // Send and close: the reply is queued (its progress follows it in the thread); the inbox moves on.
            if (andClose) closing.close();
          },
          onError: (error) => {
            // 409: someone wrote since the agent started; show it, the next send confirms.
            if (error instanceof ApiError && error.status === 409) setConflict(newerOf(error.body));
            else if (error instanceof ApiError && error.status === 400 && unfilledOf(error.body).length)
              setFeedback({
                ok: false,
                text: t('canned.unfilled', {
                  variables: unfilledOf(error.body)
                    .map((v) => `{{${v}}}`)
                    .join(', '),
                }),
              });
            else setFeedback({ ok: false, text: t('composer.failed', { message: errorText(error) }) });
          },
        },
      );
    } else {
      note.mutate(
        { threadId: thread.id, text: toStoredText(body, members) },
        { onSuccess: () => setText(''), onError: (error) => setFeedback({ ok: false, text: t('composer.failed', { message: errorText(error) }) }) },
      );
    }
  };

  const vars = {
    'contact.name': thread.contact?.name ?? thread.contact?.handle ?? '',
    'contact.first_name': firstNameOf(thread.contact?.name) ?? '',
    'contact.handle': thread.contact?.handle ?? '',
    'agent.name': user.name,
    'channel.name': thread.channel.displayName,
    network: t(`network.${thread.network}`),
  };

  // The `/shortcut` at the caret (replies only, unless Esc dismissed it) and the canned responses it matches.
  const token = writing ? slashTokenAt(text, Math.min(caret, text.length)) : null;
  const slash = token && token.start !== dismissedAt && canned.data?.length ? token : null;
  const suggestions = slash ? matchCanned(canned.data ?? [], slash.query) : [];

  /** Puts a canned response, its variables filled for this thread, in place of `range` (the `/shortcut` typed, or the end). */
  const insertCanned = (chosen: CannedResponse, range: { start: number; end: number; separator?: string }) => {
    const insert = (filled: string) => {
      const next = text.slice(0, range.start) + (range.separator ?? '') + filled + text.slice(range.end);
      onType(next);
      const at = range.start + (range.separator ?? '').length + filled.length;
      setCaret(at);
      placeCaretAfterInsert(at);
    };
    // The API fills the variables for this thread; offline, the same variables are filled here.
    renderCanned.mutate({ id: chosen.id, threadId: thread.id }, { onSuccess: (r) => insert(r.text), onError: () => insert(fillTemplate(chosen.text, vars)) });
  };

  return (
    <Stack gap={6} p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="composer">
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          size="xs"
          onChange={(v) => setMode(v === 'private' || v === 'note' ? v : 'reply')}
          value={active}
          data={[
            { value: 'reply', label: t('composer.reply') },
            ...(privateOk ? [{ value: 'private', label: t('privateReply.mode') }] : []),
            { value: 'note', label: t('composer.note') },
          ]}
          aria-label={t('composer.reply')}
        />
        {writing && (
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
              insertCanned(chosen, { start: text.length, end: text.length, separator: text ? '\n' : '' });
            }}
            data-testid="canned-select"
          />
        )}
      </Group>
      {active === 'reply' && <ReplyWindowNotice thread={thread} />}
      {newerWritten && writing && (
        <Alert color="yellow" variant="light" p="xs" role="alert" data-testid="newer-inbound">
          {since.colleagues.length > 0 && (
            <Text size="xs" data-testid="newer-colleague">
              {t('newer.colleague', { names: since.colleagues.map((n) => n ?? t('newer.someone')).join(', ') })}
            </Text>
          )}
          {(since.customer || since.colleagues.length === 0) && <Text size="xs">{t('inbox.newerInbound')}</Text>}
        </Alert>
      )}
      {writing && answered && <ReplyToChooser comments={comments} chosen={answered} onChoose={setReplyTo} />}
      {slash && (
        <CannedSuggestions
          query={slash.query}
          matches={suggestions}
          active={Math.min(activeSuggestion, suggestions.length - 1)}
          onPick={(c) => insertCanned(c, slash)}
        />
      )}
      <MentionTextarea
        ref={textareaRef}
        members={members}
        mentions={mode === 'note'}
        autosize
        minRows={2}
        maxRows={8}
        aria-label={active === 'reply' ? t('composer.reply') : active === 'private' ? t('privateReply.mode') : t('inbox.note')}
        placeholder={
          active === 'private'
            ? t('privateReply.placeholder', { name: answered?.author?.name ?? answered?.author?.handle ?? t('privateReply.someone') })
            : active === 'reply'
              ? t('composer.placeholder')
              : t('composer.notePlaceholder')
        }
        disabled={windowClosed}
        value={text}
        onValueChange={(value) => {
          onType(value);
          setCaret(textareaRef.current?.selectionStart ?? value.length);
          setActiveSuggestion(0);
          setDismissedAt(null);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        aria-controls={slash && suggestions.length ? 'canned-suggestions' : undefined}
        aria-activedescendant={slash && suggestions.length ? `canned-option-${suggestions[Math.min(activeSuggestion, suggestions.length - 1)].id}` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit(e.shiftKey && active === 'reply');
            return;
          }
          if (!slash || !suggestions.length) return;
          // The `/shortcut` picker: ↑/↓ choose, Tab or Enter insert, Esc closes it.
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : suggestions.length - 1;
            setActiveSuggestion((i) => (Math.min(i, suggestions.length - 1) + step) % suggestions.length);
          } else if ((e.key === 'Tab' && !e.shiftKey) || (e.key === 'Enter' && !e.shiftKey)) {
            e.preventDefault();
            insertCanned(suggestions[Math.min(activeSuggestion, suggestions.length - 1)], slash);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setDismissedAt(slash.start);
          }
        }}
        styles={active === 'note' ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
        data-testid="composer-text"
      />
      <Group justify="space-between">
        <Text size="xs" c={tooLong ? 'red' : 'dimmed'} aria-live="polite">
          {writing ? (tooLong ? t('composer.tooLong', { network: t(`network.${thread.network}`), max }) : t('composer.limit', { count: length, max })) : ''}
        </Text>
        <Group gap="xs">
          {unfilled.length > 0 && (
            <Text size="xs" c="red.8" role="alert" data-testid="unfilled-variables">
              {t('canned.unfilled', { variables: unfilled.map((v) => `{{${v}}}`).join(', ') })}
            </Text>
          )}
          {!feedback && sentReply && active === 'reply' && <ReplyProgress reply={sentReply} />}
          {feedback && (
            <Text size="xs" c={feedback.ok ? 'teal' : 'red'} role="status" data-testid="composer-feedback">
              {feedback.text}
            </Text>
          )}
          {active === 'reply' && thread.status !== 'closed' && (
            <Button
              size="xs"
              variant="light"
              onClick={() => submit(true)}
              disabled={!canSend}
              loading={closing.isPending}
              title="Ctrl+Shift+Enter"
              data-testid="composer-submit-close"
            >
              {t('triage.replyAndClose')}
            </Button>
          )}
          <Button
            size="xs"
            onClick={() => submit()}
            disabled={!canSend}
            loading={busy}
            color={active === 'note' ? 'yellow' : active === 'private' ? 'grape' : undefined}
            data-testid="composer-submit"
          >
            {active === 'private'
              ? t('privateReply.send')
              : active === 'reply'
                ? t(conflict !== null ? 'composer.sendAnyway' : 'composer.send')
                : t('composer.addNote')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
});

/** The variables a 400 of the reply API names (UnfilledVariablesError), or none. */
function unfilledOf(body: unknown): string[] {
  if (!body || typeof body !== 'object' || !('variables' in body) || !Array.isArray(body.variables)) return [];
  return body.variables.filter((v): v is string => typeof v === 'string');
}

/** The newer messages a 409 of the reply API carries (NewerMessagesConflict), or none. */
function newerOf(body: unknown): MessageItem[] {
  if (!body || typeof body !== 'object' || !('newerMessages' in body) || !Array.isArray(body.newerMessages)) return [];
  return body.newerMessages as MessageItem[];
}

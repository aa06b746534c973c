import { forwardRef, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Box, Paper, Text, Textarea, UnstyledButton, type TextareaProps } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import type { UserRef } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useCaretAfterInsert } from '../../shared/ui/use-caret-after-insert';
import { activeMention, mentionCandidates } from './mentions';

export interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  /** The colleagues one can mention; an empty list (or `mentions` false) makes it a plain textarea. */
  members: readonly UserRef[];
  mentions?: boolean;
}

/**
 * A textarea that offers colleagues after `@`: typing filters them, ↑/↓ choose, Enter or Tab
 * inserts `@Name `, Escape closes the list (a combobox with a listbox, for screen readers too).
 */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, MentionTextareaProps>(function MentionTextarea(
  { value, onValueChange, members, mentions = true, onKeyDown, ...props },
  ref,
) {
  const { t } = useI18n();
  const inner = useRef<HTMLTextAreaElement>(null);
  const merged = useMergedRef(ref, inner);
  const listId = useId();
  const [active, setActive] = useState<{ start: number; query: string } | null>(null);
  const [highlight, setHighlight] = useState(0);
  const placeCaretAfterInsert = useCaretAfterInsert(inner, value);
  const candidates = mentions && active ? mentionCandidates(members, active.query) : [];
  const open = candidates.length > 0;
  const current = open ? candidates[Math.min(highlight, candidates.length - 1)] : undefined;

  const track = (text: string, caret: number | null) => {
    const next = mentions && caret !== null ? activeMention(text, caret) : null;
    setActive((old) => (old?.start === next?.start && old?.query === next?.query ? old : next));
    if (next?.query !== active?.query) setHighlight(0);
  };

  const insert = (member: UserRef) => {
    const el = inner.current;
    if (!active || !el) return;
    const caret = el.selectionStart;
    const mention = `@${member.name} `;
    const next = value.slice(0, active.start) + mention + value.slice(caret);
    placeCaretAfterInsert(active.start + mention.length);
    onValueChange(next);
    setActive(null);
  };

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && current) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => (Math.min(h, candidates.length - 1) + step + candidates.length) % candidates.length);
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        insert(current);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setActive(null);
        return;
      }
    }
    onKeyDown?.(e);
  };

  return (
    <Box pos="relative">
      <Textarea
        {...props}
        ref={merged}
        value={value}
        onChange={(e) => {
          onValueChange(e.currentTarget.value);
          track(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onKeyDown={keyDown}
        onKeyUp={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End')
            track(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        // Closed at once: a click on an option never blurs (its mousedown is prevented). A timer closed
        // the list the agent had opened again meanwhile, by coming back and typing `@`.
        onBlur={(e) => {
          setActive(null);
          props.onBlur?.(e);
        }}
        // Without mentions the caller's own combobox (the composer's `/shortcut` picker) keeps its ARIA wiring.
        role={mentions ? 'combobox' : props.role}
        aria-autocomplete={mentions ? 'list' : props['aria-autocomplete']}
        aria-expanded={mentions ? open : props['aria-expanded']}
        aria-controls={open ? listId : props['aria-controls']}
        aria-activedescendant={current ? `${listId}-${current.id}` : props['aria-activedescendant']}
        description={mentions && members.length ? t('notes.mentionHint') : props.description}
      />
      {open && (
        <Paper
          withBorder
          shadow="md"
          p={4}
          pos="absolute"
          style={{ bottom: '100%', left: 0, zIndex: 300, minWidth: 220, maxWidth: '100%' }}
          id={listId}
          role="listbox"
          aria-label={t('notes.mentionList')}
          data-testid="mention-list"
        >
          {candidates.map((m) => (
            <UnstyledButton
              key={m.id}
              id={`${listId}-${m.id}`}
              role="option"
              aria-selected={m.id === current?.id}
              tabIndex={-1}
              display="block"
              w="100%"
              px={8}
              py={4}
              style={{ borderRadius: 4, background: m.id === current?.id ? 'var(--mantine-color-blue-light)' : undefined }}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(m);
              }}
              data-testid="mention-option"
            >
              <Text size="sm" c="dark.9">
                {m.name}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      )}
    </Box>
  );
});

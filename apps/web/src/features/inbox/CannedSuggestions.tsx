import { Box, Text, UnstyledButton } from '@mantine/core';
import type { CannedResponse } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/**
 * The canned responses matching the `/shortcut` being typed, above the composer. The textarea keeps
 * the focus (↑/↓ choose, Tab/Enter insert, Esc closes: Composer handles the keys); a click inserts too.
 */
export function CannedSuggestions({
  query,
  matches,
  active,
  onPick,
}: {
  query: string;
  matches: CannedResponse[];
  active: number;
  onPick: (c: CannedResponse) => void;
}) {
  const { t } = useI18n();
  if (!matches.length) {
    return (
      <Text size="xs" c="dimmed" data-testid="canned-suggestions-empty">
        {t('canned.none', { query })}
      </Text>
    );
  }
  return (
    <Box
      role="listbox"
      id="canned-suggestions"
      aria-label={t('canned.suggestions', { query })}
      data-testid="canned-suggestions"
      style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6, overflow: 'hidden' }}
    >
      {matches.map((c, i) => (
        <UnstyledButton
          key={c.id}
          role="option"
          id={`canned-option-${c.id}`}
          aria-selected={i === active}
          tabIndex={-1}
          // mousedown would take the focus from the textarea before the click inserts.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(c)}
          data-testid="canned-option"
          style={{
            display: 'block',
            width: '100%',
            padding: '4px 8px',
            background: i === active ? 'var(--mantine-color-blue-1)' : undefined,
          }}
        >
          <Text size="xs" fw={600} c="dark.8" span>
            {c.shortcut ? `/${c.shortcut}` : ''}
          </Text>{' '}
          <Text size="xs" c="dark.6" span>
            {c.title}
          </Text>
          <Text size="xs" c="gray.7" lineClamp={1}>
            {c.text}
          </Text>
        </UnstyledButton>
      ))}
    </Box>
  );
}

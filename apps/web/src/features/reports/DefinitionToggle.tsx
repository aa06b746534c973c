import { useId, useState } from 'react';
import { Anchor, Collapse, Stack, Text } from '@mantine/core';
import { useI18n } from '../../shared/i18n/I18nProvider';

/** "How is this counted?": the definition in words and the exact formula, one click away. */
export function DefinitionToggle({ definition, formula, testId }: { definition: string; formula?: string; testId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Stack gap={4}>
      <Anchor
        component="button"
        type="button"
        size="xs"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={`${testId}-toggle`}
      >
        {open ? t('gap.hideDefinition') : t('gap.howCounted')}
      </Anchor>
      <Collapse expanded={open} id={id}>
        <Stack gap={4} data-testid={testId}>
          <Text size="xs">{definition}</Text>
          {formula && (
            <Text size="xs" c="dark.6" ff="monospace">
              {formula}
            </Text>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}

import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { MAX_OWN_DOMAINS, normaliseOwnDomain } from '@resonance/contracts';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { notify } from '../../shared/ui/feedback';
import { useUpdateSettings } from './settings';

/**
 * The company's own domains (Settings; docs/moderation.md "Spam and abuse"): links to them are no
 * sign of spam. One per line; checked here by the API's rule (normaliseOwnDomain) before saving.
 */
export function OwnDomains({ saved }: { saved: string[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const update = useUpdateSettings();
  const [text, setText] = useState<string | null>(null);
  const lines = (text ?? saved.join('\n'))
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  const invalid = lines.some((l) => normaliseOwnDomain(l) === null) || lines.length > MAX_OWN_DOMAINS;
  return (
    <Stack gap={6} maw={480}>
      <Textarea
        size="xs"
        label={t('ownDomains.label')}
        description={t('ownDomains.description')}
        autosize
        minRows={2}
        maxRows={8}
        value={text ?? saved.join('\n')}
        onChange={(e) => setText(e.currentTarget.value)}
        error={text !== null && invalid ? t('errors.OWN_DOMAIN_INVALID') : undefined}
        data-testid="own-domains"
      />
      <Group>
        <Button
          size="xs"
          disabled={text === null || invalid}
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { ownDomains: lines },
              {
                onSuccess: () => {
                  setText(null);
                  notify(t('ownDomains.saved'));
                },
              },
            )
          }
          data-testid="own-domains-save"
        >
          {t('common.save')}
        </Button>
      </Group>
      {update.isError && <Alert color="red">{errorText(update.error)}</Alert>}
    </Stack>
  );
}

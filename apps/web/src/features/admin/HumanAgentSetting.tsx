import { Alert, Stack, Switch, Text, Title } from '@mantine/core';
import { useErrorText } from '../../shared/api/error-text';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { notify } from '../../shared/ui/feedback';
import { useSetHumanAgentTag } from './settings';

/**
 * The workspace's word that Meta approved its app for the HUMAN_AGENT tag (docs/instagram.md): with
 * it, people may answer Instagram direct messages up to 7 days after the customer's last message.
 * The explanation says what the approval is, so nobody turns it on without it.
 */
export function HumanAgentSetting({ approved }: { approved: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const update = useSetHumanAgentTag();
  return (
    <Stack gap={6} maw={560} data-testid="human-agent-setting">
      <Title order={4} size="sm">
        {t('humanAgent.title')}
      </Title>
      <Switch
        size="sm"
        label={t('humanAgent.label')}
        description={<Text size="xs">{t('humanAgent.description')}</Text>}
        checked={approved}
        disabled={update.isPending}
        onChange={(e) => update.mutate(e.currentTarget.checked, { onSuccess: () => notify(t('humanAgent.saved')) })}
        data-testid="human-agent-switch"
      />
      {update.isError && <Alert color="red">{errorText(update.error)}</Alert>}
    </Stack>
  );
}

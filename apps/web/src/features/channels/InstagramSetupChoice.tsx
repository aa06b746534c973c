import { useId } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { NETWORK_CONNECT_SETUPS, type ConnectSetup } from '@resonance/contracts';
import { useI18n } from '../../shared/i18n/I18nProvider';

/**
 * Instagram's two setups (docs/instagram.md), side by side: one button each, with the sentence on
 * when to use it as the button's description (read out with it by screen readers).
 */
export function InstagramSetupChoice({
  mode,
  pending,
  onPick,
}: {
  mode: 'connect' | 'reconnect';
  /** The setup whose start is on its way (its button shows it), if any. */
  pending: ConnectSetup | null;
  onPick: (setup: ConnectSetup) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const setups = NETWORK_CONNECT_SETUPS.instagram ?? [];
  return (
    <Stack gap="xs" mt="sm" {...(mode === 'connect' ? { role: 'group', 'aria-labelledby': `${id}-legend` } : {})} data-testid={`instagram-setups-${mode}`}>
      {mode === 'connect' && (
        <Text size="sm" id={`${id}-legend`}>
          {t('channels.instagramSetup.legend')}
        </Text>
      )}
      {setups.map((setup) => (
        <Stack key={setup} gap={2}>
          <Button
            size="xs"
            variant={mode === 'connect' ? 'light' : 'filled'}
            loading={pending === setup}
            disabled={pending !== null && pending !== setup}
            aria-describedby={`${id}-${setup}`}
            data-setup={setup}
            onClick={() => onPick(setup)}
            styles={{ root: { height: 'auto', minHeight: 30, whiteSpace: 'normal' }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
          >
            {t(mode === 'connect' ? `channels.instagramSetup.${setup}` : `channels.instagramSetup.reconnect.${setup}`)}
          </Button>
          <Text size="xs" c="dimmed" id={`${id}-${setup}`}>
            {t(`channels.instagramSetup.${setup}.hint`)}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}

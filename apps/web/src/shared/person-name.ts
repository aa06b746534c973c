import { useCallback } from 'react';
import type { Network } from '@resonance/contracts';
import { useI18n } from './i18n/I18nProvider';

/**
 * How the inbox names a customer: the name, else the handle, else "Instagram user" (in the user's
 * language, with the network) — never a blank or "undefined". Networks do not always say who wrote:
 * media from Instagram's /tags come without `username` when the owner's profile is not readable,
 * and Messenger's webhooks carry only an id until the profile lookup answers.
 */
export function usePersonName(): (person: { name?: string | null; handle?: string | null } | null | undefined, network: Network) => string {
  const { t } = useI18n();
  return useCallback((person, network) => person?.name?.trim() || person?.handle?.trim() || t('person.unnamed', { network: t(`network.${network}`) }), [t]);
}

import { obj, str } from '@resonance/contracts';
import { isConnectorError } from '../errors';
import type { ConnectorContext, ProfileCapability } from '../interfaces';
import { facebookClient } from './auth';
import type { FacebookSettings } from './settings';

/**
 * Messenger's User Profile API: GET /{PSID}?fields=first_name,last_name,name,profile_pic with the
 * page token. Webhooks carry only the sender's page-scoped id; this names the person at once
 * instead of waiting for a sync to read the conversation's participants. Facebook answers an id
 * it will not describe (not a PSID, or a person who has not written to the page) with error 100:
 * that is "unknown", not a failure of the channel.
 */
export function facebookProfiles(settings: FacebookSettings): ProfileCapability {
  return {
    async lookup(ctx: ConnectorContext, externalId: string) {
      if (!/^\d{1,30}$/.test(externalId)) return null;
      try {
        const body = obj(await facebookClient(settings, ctx).get(externalId, { fields: 'first_name,last_name,name,profile_pic' }));
        const name = str(body.name) ?? ([str(body.first_name), str(body.last_name)].filter(Boolean).join(' ') || null);
        return { name, avatarUrl: str(body.profile_pic) ?? null };
      } catch (error) {
        if (isConnectorError(error) && (error.code === 'NOT_FOUND' || error.code === 'INVALID_REQUEST')) return null;
        throw error;
      }
    },
  };
}

import type { Network } from '@resonance/contracts';
import { json, type SimResponse } from '../core/http';
import type { NetworkModule } from '../core/network-module';

/**
 * Networks whose modules come in their own issues. Until then every path answers with the
 * network's real "not found" body, so a client sees the network's shape, not the sim's.
 */
const NOT_FOUND: Record<Exclude<Network, 'facebook'>, () => SimResponse> = {
  // api.x.com for an unknown route.
  x: () => json(404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] }),
  // api.linkedin.com for a path no resource serves.
  linkedin: () => json(404, { status: 404, serviceErrorCode: 0, code: 'RESOURCE_NOT_FOUND', message: 'No virtual resource found' }),
  // Google APIs' error envelope.
  youtube: () =>
    json(404, {
      error: {
        code: 404,
        message: 'The requested URL was not found on this server.',
        errors: [{ message: 'The requested URL was not found on this server.', domain: 'global', reason: 'notFound' }],
        status: 'NOT_FOUND',
      },
    }),
  // XING's {error_name, message} errors.
  xing: () => json(404, { error_name: 'NOT_FOUND', message: 'The requested resource could not be found.' }),
};

const SERVER_ERROR: Record<Exclude<Network, 'facebook'>, () => SimResponse> = {
  x: () => json(500, { errors: [{ message: 'Internal error', code: 131 }] }),
  linkedin: () => json(500, { status: 500, serviceErrorCode: 0, message: 'Internal Server Error' }),
  youtube: () => json(500, { error: { code: 500, message: 'Backend Error', errors: [{ message: 'Backend Error', domain: 'global', reason: 'backendError' }], status: 'INTERNAL' } }),
  xing: () => json(500, { error_name: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }),
};

export function notBuiltModule(network: Exclude<Network, 'facebook'>): NetworkModule {
  return { network, handle: NOT_FOUND[network], internalError: SERVER_ERROR[network] };
}

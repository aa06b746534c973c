import type { SimRequest, SimResponse } from '../../core/http';
import { mayActAs } from './acting';
import { errors } from './errors';
import type { Call } from './routes';
import type { LinkedInState } from './state';

/**
 * What the Images, Videos and Documents APIs share: who may upload as an owner and the upload URLs
 * on the sim's LinkedIn origin (www.linkedin.com/dms-uploads on LinkedIn).
 */

export const UPLOAD_URL_TTL_MS = 24 * 3600_000;
export const DOWNLOAD_URL_TTL_MS = 60 * 24 * 3600_000;

/** Where an upload URL points: back at this origin (and mount), as paging links do. */
export const uploadBase = (req: SimRequest): string => `${req.origin}${req.mount}`;

/**
 * The owner named in `initializeUploadRequest`, or LinkedIn's refusal: only the organization the
 * token administers, with w_organization_social, or the token's own member with w_member_social uploads.
 */
export function uploadOwner(
  state: LinkedInState,
  { req, token }: Call,
  resource: 'images' | 'videos' | 'documents',
): { owner: string; request: Record<string, unknown> } | SimResponse {
  if (req.badBody) return errors.badParam('Unable to parse the request body as JSON');
  const request = req.body.initializeUploadRequest;
  const input = typeof request === 'object' && request !== null && !Array.isArray(request) ? (request as Record<string, unknown>) : {};
  const owner = input.owner;
  if (typeof owner !== 'string') return errors.unprocessable("Field 'initializeUploadRequest.owner' is required");
  const refused = mayActAs(state, { req, token }, owner, `${resource}.ACTION.initializeUpload`, ['w_organization_social']);
  if (refused) return refused;
  return { owner, request: input };
}

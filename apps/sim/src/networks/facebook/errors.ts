import { randomBytes } from 'node:crypto';
import { json, type SimResponse } from '../../core/http';

/**
 * Graph API error bodies, in the shape of the real ones (fixtures/facebook/error-*.json):
 * {error: {message, type, code, error_subcode?, is_transient?, fbtrace_id}}.
 */
export const fbtraceId = (): string => randomBytes(8).toString('base64').replace(/=+$/, '');

interface GraphErrorInit {
  status: number;
  message: string;
  type?: string;
  code: number;
  subcode?: number;
  transient?: boolean;
  userTitle?: string;
  userMessage?: string;
  headers?: Record<string, string>;
}

export function graphError(init: GraphErrorInit): SimResponse {
  const error: Record<string, unknown> = { message: init.message, type: init.type ?? 'OAuthException' };
  if (init.transient !== undefined) error.is_transient = init.transient;
  error.code = init.code;
  if (init.subcode !== undefined) error.error_subcode = init.subcode;
  if (init.userTitle) error.error_user_title = init.userTitle;
  if (init.userMessage) error.error_user_msg = init.userMessage;
  error.fbtrace_id = fbtraceId();
  return json(init.status, { error }, init.headers);
}

const authenticate = (message: string) => ({ 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` });

export const errors = {
  tokenMissing: () => graphError({ status: 400, message: 'An active access token must be used to query information about the current user.', code: 2500 }),
  tokenRequired: () => graphError({ status: 400, message: 'An access token is required to request this resource.', code: 104 }),
  tokenInvalid: () => {
    const message = 'Invalid OAuth access token - Cannot parse access token';
    return graphError({ status: 400, message, code: 190, headers: authenticate(message) });
  },
  tokenExpired: (expiredAt: Date, now: Date) => {
    const message = `Error validating access token: Session has expired on ${fbDate(expiredAt)}. The current time is ${fbDate(now)}.`;
    return graphError({ status: 400, message, code: 190, subcode: 463, headers: authenticate(message) });
  },
  tokenRevoked: (appId: string) => {
    const message = `Error validating access token: The user has not authorized application ${appId}.`;
    return graphError({ status: 400, message, code: 190, subcode: 458, headers: authenticate(message) });
  },
  /** The object does not exist or the token may not see it (GraphMethodException 100/33). */
  unsupportedGet: (id: string, method = 'get') =>
    graphError({
      status: 400,
      message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      subcode: 33,
    }),
  unknownPath: (components: string) => graphError({ status: 400, message: `Unknown path components: ${components}`, code: 2500 }),
  nonexistingField: (field: string, nodeType: string) =>
    graphError({ status: 400, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, code: 100 }),
  aliasesMissing: (ids: string[]) => graphError({ status: 404, message: `(#803) Some of the aliases you requested do not exist: ${ids.join(',')}`, code: 803 }),
  invalidParam: (message: string) => graphError({ status: 400, message: `(#100) ${message}`, code: 100 }),
  missingPermission: (permission: string) =>
    graphError({
      status: 400,
      message: `(#100) Object does not exist, cannot be loaded due to missing permission or reviewable feature, or does not support this operation. This endpoint requires the '${permission}' permission or the 'Page Public Content Access' feature or the 'Page Public Metadata Access' feature. Refer to https://developers.facebook.com/docs/apps/review/login-permissions#manage-pages, https://developers.facebook.com/docs/apps/review/feature#reference-PAGES_ACCESS and https://developers.facebook.com/docs/apps/review/feature#page-public-metadata-access for details.`,
      code: 100,
    }),
  pageTokenRequired: () => graphError({ status: 400, message: '(#210) A page access token is required to request this resource.', code: 210 }),
  outsideMessagingWindow: () =>
    graphError({
      status: 400,
      message:
        '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
      code: 10,
      subcode: 2018278,
    }),
  noMatchingUser: () => graphError({ status: 400, message: '(#100) No matching user found', code: 100, subcode: 2018001 }),
  emptyMessage: () => graphError({ status: 400, message: '(#100) The parameter message is required', code: 100 }),
  rateLimit: (code: number, headers: Record<string, string>) => {
    const message =
      code === 17
        ? '(#17) User request limit reached'
        : code === 32
          ? '(#32) Page request limit reached'
          : code === 613
            ? '(#613) Calls to this api have exceeded the rate limit.'
            : '(#4) Application request limit reached';
    return graphError({ status: 403, message, code, transient: true, headers });
  },
  unknown: (status = 500) => graphError({ status, message: 'An unknown error has occurred.', code: 1, transient: true }),
  unexpected: () => graphError({ status: 503, message: 'An unexpected error has occurred. Please retry your request later.', code: 2, transient: true }),
  // OAuth token endpoint errors.
  badClientSecret: () => graphError({ status: 400, message: 'Error validating client secret.', code: 1, subcode: 0 }),
  badClientId: () => graphError({ status: 400, message: 'Error validating application. Invalid application ID.', code: 101 }),
  codeUsed: () => graphError({ status: 400, message: 'This authorization code has been used.', code: 100, subcode: 36009 }),
  codeExpired: () => graphError({ status: 400, message: 'This authorization code has expired.', code: 100, subcode: 36007 }),
  codeInvalid: () => graphError({ status: 400, message: 'Invalid verification code format.', code: 100, subcode: 36007 }),
  redirectMismatch: () =>
    graphError({
      status: 400,
      message: 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      code: 100,
      subcode: 36008,
    }),
  missingParam: (name: string) => graphError({ status: 400, message: `Missing ${name} parameter.`, code: 100 }),
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Facebook's date in token errors: "Tuesday, 10-Nov-26 12:00:00 PST" (we say UTC). */
function fbDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

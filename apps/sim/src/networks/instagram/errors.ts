import type { SimResponse } from '../../core/http';
import { graphError } from '../facebook/errors';

/**
 * Instagram's error bodies: the Graph envelope {error: {message, type, code, error_subcode?,
 * fbtrace_id}}. Which host answers changes them (FACTS.md §1): graph.instagram.com says
 * `IGApiException` for API errors and an expired token has no subcode; graph.facebook.com (Facebook
 * Login) says OAuthException/GraphMethodException and expired = 190/463, invalidated = 190/460.
 */
export type IgHost = 'instagram' | 'facebook';

const apiType = (host: IgHost) => (host === 'instagram' ? 'IGApiException' : 'OAuthException');

const RATE_LIMIT_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80002: '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again.',
};

export const RATE_LIMIT_CODES = [4, 17, 32, 613, 80002];

export function igErrors(host: IgHost) {
  return {
    tokenRequired: () => graphError({ status: 400, message: 'An access token is required to request this resource.', code: 104 }),
    tokenInvalid: () => graphError({ status: 400, message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }),
    tokenExpired: (expiredAt: Date, now: Date) => {
      const message = `Error validating access token: Session has expired on ${expiredAt.toUTCString()}. The current time is ${now.toUTCString()}.`;
      return graphError({ status: 400, message, code: 190, ...(host === 'facebook' ? { subcode: 463 } : {}) });
    },
    tokenRevoked: () => {
      const message =
        'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.';
      return graphError({ status: 400, message, code: 190, ...(host === 'facebook' ? { subcode: 460 } : {}) });
    },
    /** (#10) as fixtures/error-10-application-no-permission-igapiexception.json. */
    noPermission: () => graphError({ status: 403, message: 'Application does not have permission for this action', type: apiType(host), code: 10 }),
    unsupported: (id: string, method = 'get') =>
      graphError({
        status: 400,
        message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: host === 'instagram' ? 'IGApiException' : 'GraphMethodException',
        code: 100,
        subcode: 33,
      }),
    unknownPath: (components: string) => graphError({ status: 400, message: `Unknown path components: ${components}`, type: apiType(host), code: 2500 }),
    nonexistingField: (field: string, nodeType: string) =>
      graphError({ status: 400, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, type: apiType(host), code: 100 }),
    invalidParam: (message: string) => graphError({ status: 400, message: `(#100) ${message}`, type: apiType(host), code: 100 }),
    /** Replying to a hidden comment: Instagram refuses. */
    hiddenComment: () => graphError({ status: 400, message: '(#100) Cannot reply to a hidden comment.', type: apiType(host), code: 100, subcode: 2534023 }),
    /** A second private reply to one comment, or one after its 7 days. */
    privateReplyRefused: () =>
      graphError({ status: 400, message: '(#10) This comment is invalid for a private reply.', type: apiType(host), code: 10, subcode: 2534035 }),
    outsideWindow: () =>
      host === 'instagram'
        ? graphError({ status: 403, message: '(#10) This message is sent outside of allowed window.', type: 'IGApiException', code: 10, subcode: 2534022 })
        : graphError({
            status: 400,
            message:
              '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
            code: 10,
            subcode: 2018278,
          }),
    /** The HUMAN_AGENT tag from an app Meta has not approved for it (App Review: Human Agent). */
    humanAgentNotApproved: () =>
      graphError({
        status: 400,
        message: '(#10) This app does not have permission to use the HUMAN_AGENT tag. Request the Human Agent permission in App Review.',
        type: apiType(host),
        code: 10,
      }),
    /** A comment on media whose comments the account turned off (comment_enabled=false). */
    commentsDisabled: () => graphError({ status: 400, message: '(#100) Comments are disabled for this media.', type: apiType(host), code: 100 }),
    noMatchingUser: () => graphError({ status: 400, message: '(#100) No matching user found', type: apiType(host), code: 100, subcode: 2018001 }),
    rateLimit: (code: number, headers: Record<string, string>): SimResponse =>
      graphError({
        status: 403,
        message: RATE_LIMIT_MESSAGES[code] ?? RATE_LIMIT_MESSAGES[4],
        type: code === 80002 ? apiType(host) : 'OAuthException',
        code,
        transient: true,
        headers,
      }),
    unknown: (status = 500) => graphError({ status, message: 'An unknown error has occurred.', code: 1, transient: true }),
    unexpected: () => graphError({ status: 503, message: 'An unexpected error has occurred. Please retry your request later.', code: 2, transient: true }),
    // Token endpoints (api.instagram.com / graph.instagram.com).
    badClient: () => graphError({ status: 400, message: 'Invalid platform app', type: 'OAuthException', code: 101 }),
    badClientSecret: () => graphError({ status: 400, message: 'Error validating client secret.', type: 'OAuthException', code: 1 }),
    codeInvalid: () => graphError({ status: 400, message: 'Invalid authorization code', type: 'OAuthException', code: 100, subcode: 36007 }),
    codeUsed: () => graphError({ status: 400, message: 'This authorization code has been used', type: 'OAuthException', code: 100, subcode: 36009 }),
    redirectMismatch: () =>
      graphError({
        status: 400,
        message: 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
        type: 'OAuthException',
        code: 100,
        subcode: 36008,
      }),
    missingParam: (name: string) => graphError({ status: 400, message: `Missing ${name} parameter.`, type: 'OAuthException', code: 100 }),
    tooYoungToRefresh: () =>
      graphError({
        status: 400,
        message: 'Error validating access token: the token is less than 24 hours old and cannot be refreshed yet.',
        type: 'OAuthException',
        code: 190,
      }),
  };
}

export type IgErrors = ReturnType<typeof igErrors>;

import type { SimResponse } from '../../core/http';
import { errors } from './errors';
import { getPhotoTags } from './media-routes';
import { messengerProfileRoute } from './messenger-profile';
import { createPersona, listPersonas, personaNode } from './personas';
import type { ReadCall } from './read-routes';
import type { FacebookState } from './state';
import { getVisitorEdge } from './visitor-posts';

/**
 * The page's routes beside posts, comments and messages: personas, the Messenger profile, the
 * visitor_posts and tagged edges and a photo's tags. Undefined when the request is none of them.
 */
export function pageRoute(state: FacebookState, call: ReadCall, method: string, id: string, edge: string | undefined): SimResponse | undefined {
  const { req, token } = call;
  const isPage = id === state.pageId || id === 'me';
  if (edge === undefined && (method === 'GET' || method === 'DELETE')) return personaNode(state, token, id, method);
  if (edge === 'personas' && method === 'GET') return listPersonas(state, token, id);
  if (edge === 'personas' && method === 'POST') return createPersona(state, req, token, id);
  if (edge === 'messenger_profile' && isPage) {
    if (token.kind !== 'page') return errors.pageTokenRequired();
    if (!token.scopes.includes('pages_messaging')) return errors.missingPermission('pages_messaging');
    return messengerProfileRoute(state.messengerProfile, req, method, (m) => errors.invalidParam(m));
  }
  if ((edge === 'visitor_posts' || edge === 'tagged') && method === 'GET') return getVisitorEdge(state, call, id, edge);
  if (edge === 'tags' && method === 'GET') return getPhotoTags(state, id);
  return undefined;
}

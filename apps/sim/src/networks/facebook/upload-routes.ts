import type { SimResponse } from '../../core/http';
import { param } from './post-extras';
import type { ReadCall } from './read-routes';
import { getReels, videoFlow } from './reels';
import { resumableUpload, startResumableUpload } from './resumable';
import type { FacebookState } from './state';
import { getStories, photoStory } from './stories';
import type { FbPost } from './store';
import { videoUploadPhase } from './video-phases';

/**
 * The multi-step upload routes: the Resumable Upload API (upload:…), the chunked /videos phases,
 * reels and stories. Undefined for any other route (the module routes it).
 */
export function uploadRoute(
  state: FacebookState,
  call: ReadCall,
  method: string,
  id: string,
  edge: string | undefined,
): { response: SimResponse; created?: FbPost } | undefined {
  const { req, token } = call;
  if (id.startsWith('upload:') && edge === undefined && (method === 'GET' || method === 'POST')) return { response: resumableUpload(state, req, token, id) };
  if (method === 'GET') {
    if (edge === 'video_reels') return { response: getReels(state, call, id) };
    if (edge === 'stories') return { response: getStories(state, call, id) };
    return undefined;
  }
  if (method !== 'POST') return undefined;
  if (edge === 'uploads') return { response: startResumableUpload(state, req, token, id) };
  if (edge === 'videos' && param(req, 'upload_phase') !== undefined) return videoUploadPhase(state, req, token, id, param(req, 'upload_phase'));
  if (edge === 'video_reels') return videoFlow(state, call, id, 'reel');
  if (edge === 'video_stories') return videoFlow(state, call, id, 'story');
  if (edge === 'photo_stories') return { response: photoStory(state, req, token, id) };
  return undefined;
}

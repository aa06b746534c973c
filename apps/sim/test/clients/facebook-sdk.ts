import { dirname } from 'node:path';
import type { RunningSim } from '../../src';

/** The SDK's objects are Flow-typed; the methods the client tests use, as the SDK documents them. */
export interface GraphObject extends Record<string, unknown> {
  id: string;
}
export interface Cursor extends Array<GraphObject> {
  hasNext(): boolean;
  next(): Promise<Cursor>;
  summary?: { total_count: number };
}
export interface Node {
  get(fields: string[], params?: object): Promise<GraphObject>;
  update(fields: string[], params: object): Promise<GraphObject>;
  delete(fields: string[], params?: object): Promise<GraphObject>;
  getFeed(fields: string[], params?: object): Promise<Cursor>;
  getPosts(fields: string[], params?: object): Promise<Cursor>;
  getPublishedPosts(fields: string[], params?: object): Promise<Cursor>;
  getComments(fields: string[], params?: object): Promise<Cursor>;
  getReactions(fields: string[], params?: object): Promise<Cursor>;
  getConversations(fields: string[], params?: object): Promise<Cursor>;
  getMessages(fields: string[], params?: object): Promise<Cursor>;
  createComment(fields: string[], params: object): Promise<GraphObject>;
  createMessage(fields: string[], params: object): Promise<GraphObject>;
  createMessageAttachment(fields: string[], params: object): Promise<GraphObject>;
  getStories(fields: string[], params?: object): Promise<Cursor>;
  createLike(fields: string[], params: object): Promise<GraphObject>;
  deleteLikes(params: object): Promise<GraphObject>;
  createFeed(fields: string[], params: object): Promise<GraphObject>;
  createPhoto(fields: string[], params: object): Promise<GraphObject>;
  createVideo(fields: string[], params: object): Promise<GraphObject>;
  getPhotos(fields: string[], params?: object): Promise<Cursor>;
  getVideos(fields: string[], params?: object): Promise<Cursor>;
  getScheduledPosts(fields: string[], params?: object): Promise<Cursor>;
  createMedia(fields: string[], params: object): Promise<GraphObject>;
  createMediaPublish(fields: string[], params: object): Promise<GraphObject>;
  getContentPublishingLimit(fields: string[], params?: object): Promise<Cursor>;
  getMedia(fields: string[], params?: object): Promise<Cursor>;
  createUpload(fields: string[], params: object): Promise<GraphObject>;
  createVideoReel(fields: string[], params: object): Promise<GraphObject>;
  getVideoReels(fields: string[], params?: object): Promise<Cursor>;
  createVideoStory(fields: string[], params: object): Promise<GraphObject>;
  createPhotoStory(fields: string[], params: object): Promise<GraphObject>;
  getPersonas(fields: string[], params?: object): Promise<Cursor>;
  createPersona(fields: string[], params: object): Promise<GraphObject>;
  getMessengerProfile(fields: string[], params?: object): Promise<Cursor>;
  createMessengerProfile(fields: string[], params: object): Promise<GraphObject>;
  deleteMessengerProfile(params: object): Promise<GraphObject>;
  getVisitorPosts(fields: string[], params?: object): Promise<Cursor>;
  getTagged(fields: string[], params?: object): Promise<Cursor>;
  getCollaborators(fields: string[], params?: object): Promise<Cursor>;
}
type NodeClass = new (id: string) => Node;
export interface Api {
  call(method: string, path: string | string[], params?: object): Promise<unknown>;
}
interface AxiosLike {
  interceptors: { request: { use(f: (config: { url?: string }) => { url?: string }): number; eject(id: number): void } };
}

// Jest's own loader, so the SDK and the axios it calls through are the instances the test hooks into.
export const sdk = jest.requireActual<{
  FacebookAdsApi: { init(token: string): Api };
  Page: NodeClass;
  PagePost: NodeClass;
  Comment: NodeClass;
  UnifiedThread: NodeClass;
  IGUser: NodeClass;
  IGMedia: NodeClass;
  Photo: NodeClass;
  Application: NodeClass;
  Persona: NodeClass;
}>('facebook-nodejs-business-sdk');

/**
 * The SDK hard-wires https://graph.facebook.com and calls through axios: a request interceptor
 * swaps the host for the sim's Facebook origin, the only change. Returns the undo.
 */
export function routeGraphToSim(sim: RunningSim): () => void {
  const axios = jest.requireActual<AxiosLike>(require.resolve('axios', { paths: [dirname(require.resolve('facebook-nodejs-business-sdk'))] }));
  const hook = axios.interceptors.request.use((config) => ({ ...config, url: config.url?.replace(/^https:\/\/graph\.facebook\.com/, sim.origins.facebook) }));
  return () => axios.interceptors.request.eject(hook);
}

/**
 * The containers of content publishing (publish-routes.ts) and the account's publication times: the
 * state the routes keep, apart from them so the account's state can hold it without importing the routes.
 */

import type { IgMedia, IgProductType } from './store';
import type { IgPublishOptions } from './publish-options';

/** 100 publications per 24 hours (content_publishing_limit). */
export const PUBLISHING_QUOTA = { total: 100, durationS: 86_400 };

export interface IgContainer {
  id: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  /** REELS for media_type REELS, STORY for STORIES, else FEED. */
  productType: IgProductType;
  url: string | null;
  caption: string | null;
  carouselItem: boolean;
  children: IgContainer[];
  createdAt: number;
  published: IgMedia | null;
  /** user_tags, location_id, collaborators, cover_url, … (publish-options.ts). */
  options?: IgPublishOptions;
}

export class IgContainers {
  private readonly byId = new Map<string, IgContainer>();
  /** Publication times, oldest first (the 24-hour quota). */
  readonly publishedAt: number[] = [];
  private serial = 0;

  get(id: string): IgContainer | undefined {
    return this.byId.get(id);
  }

  create(c: Omit<IgContainer, 'id' | 'published' | 'createdAt'>, at: number): IgContainer {
    // Container ids look like Instagram's (17 digits starting 1789…), numbered from the time so a restarted sim makes new ones.
    const id = `1789${String(Math.floor(at / 1000) % 1e9).padStart(9, '0')}${String(++this.serial).padStart(4, '0')}`;
    const container = { ...c, id, createdAt: at, published: null };
    this.byId.set(id, container);
    return container;
  }

  usage(now: number): number {
    return this.publishedAt.filter((t) => now - t < PUBLISHING_QUOTA.durationS * 1000).length;
  }
}

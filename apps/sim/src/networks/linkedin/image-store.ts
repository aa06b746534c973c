import { mediaKey } from '../../core/media';

/**
 * The organization's uploaded images (Images API, images.ts): the state the routes keep, apart from
 * them so the account's state can hold it without importing the routes.
 */

export interface LiImage {
  id: string;
  urn: string;
  owner: string;
  createdAt: number;
  bytes: number | null;
  /** Processing failed (the fault media_processing_failed hit its upload): status PROCESSING_FAILED, unusable. */
  failed?: boolean;
}

export class LinkedInImages {
  private readonly byId = new Map<string, LiImage>();
  private serial = 0;

  get(urnOrId: string): LiImage | undefined {
    return this.byId.get(urnOrId.replace(/^urn:li:image:/, ''));
  }

  create(owner: string, at: number): LiImage {
    // Ids like LinkedIn's ("D4E10AQ…"), from the serial and time so a restarted sim makes new ones.
    const id = `D4E10AQ${mediaKey(`li-image:${++this.serial}:${at}`, 12).toUpperCase()}`;
    const image: LiImage = { id, urn: `urn:li:image:${id}`, owner, createdAt: at, bytes: null };
    this.byId.set(id, image);
    return image;
  }

  /** An uploaded image of `owner`, usable in a post or comment. */
  available(urn: unknown, owner: string): LiImage | undefined {
    const image = typeof urn === 'string' && urn.startsWith('urn:li:image:') ? this.get(urn) : undefined;
    return image?.owner === owner && image.bytes !== null && !image.failed ? image : undefined;
  }
}

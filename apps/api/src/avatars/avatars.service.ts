import { BadGatewayException, Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { LruCache } from './avatar-cache';
import { AvatarFetchError, fetchAvatar, type AvatarImage } from './avatar-fetch';
import { avatarSourceAllowed } from './avatar-sources';
import { AvatarsRepository } from './avatars.repository';

const CACHE_LIMITS = { maxEntries: 2_000, maxBytes: 32 * 1024 * 1024 };
export const AVATAR_TTL_MS = 3_600_000;
/** A failed fetch is remembered this long, so a broken avatar is not fetched again on every view. */
const FAILURE_TTL_MS = 300_000;
const FAILURE_BYTES = 256;
/** Upstream fetches at once per api copy, and requests that may wait for one. */
const MAX_CONCURRENT_FETCHES = 8;
const MAX_WAITING_FETCHES = 500;

/**
 * Contacts' avatars, fetched by the api (never by agents' browsers) from the URL stored for the
 * contact in the caller's workspace, bounded and checked (avatar-fetch.ts), and kept in memory.
 */
@Injectable()
export class AvatarsService {
  private readonly cache = new LruCache<AvatarImage | AvatarFetchError>(CACHE_LIMITS);
  private readonly inFlight = new Map<string, Promise<AvatarImage>>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    @Inject(AvatarsRepository) private readonly avatars: AvatarsRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async avatarOf(workspaceId: string, contactId: string): Promise<AvatarImage> {
    const row = await this.avatars.avatarUrlOf(workspaceId, contactId);
    if (!row) throw new NotFoundException(`contact ${contactId} not found`);
    const url = URL.canParse(row.avatarUrl ?? '') ? new URL(row.avatarUrl ?? '') : null;
    if (!url || !avatarSourceAllowed(url, this.config)) throw new NotFoundException(`contact ${contactId} has no avatar that can be shown`);

    const cached = this.cache.get(url.href);
    if (cached instanceof AvatarFetchError) throw new BadGatewayException(cached.message);
    if (cached) return cached;
    let pending = this.inFlight.get(url.href);
    if (!pending) {
      pending = this.fetchAndCache(url).finally(() => this.inFlight.delete(url.href));
      this.inFlight.set(url.href, pending);
    }
    try {
      return await pending;
    } catch (error) {
      if (error instanceof AvatarFetchError) throw new BadGatewayException(error.message);
      throw error;
    }
  }

  private async fetchAndCache(url: URL): Promise<AvatarImage> {
    await this.slot();
    try {
      const image = await fetchAvatar(url, (u) => avatarSourceAllowed(u, this.config));
      this.cache.set(url.href, image, image.body.length, AVATAR_TTL_MS);
      return image;
    } catch (error) {
      if (error instanceof AvatarFetchError) this.cache.set(url.href, error, FAILURE_BYTES, FAILURE_TTL_MS);
      throw error;
    } finally {
      // The slot goes straight to the next waiter, so nobody slips in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Waits for one of MAX_CONCURRENT_FETCHES; refuses when too many already wait. */
  private async slot(): Promise<void> {
    if (this.active < MAX_CONCURRENT_FETCHES) {
      this.active += 1;
      return;
    }
    if (this.waiting.length >= MAX_WAITING_FETCHES) throw new ServiceUnavailableException('too many avatars are being fetched; try again shortly');
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

import type { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import { workspaceOwnDomains } from './channel-rows.queries';

/** How long a workspace's own domains are used before they are read again (an admin's change shows within this). */
export const OWN_DOMAINS_REFRESH_MS = 10_000;
/** Workspaces whose domains are kept (far more than one worker ingests for). */
const MAX_CACHED_WORKSPACES = 10_000;

/**
 * The workspaces' own domains (Settings; spam-signal.ts link_unknown_domain), read at most once per
 * refresh interval per workspace — a page waits for one query then, never a message for its own.
 */
export class OwnDomains {
  private readonly known = new Map<string, { domains: readonly string[]; readAt: number; reading?: Promise<readonly string[]> }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshMs = OWN_DOMAINS_REFRESH_MS,
  ) {}

  async of(workspaceId: string): Promise<readonly string[]> {
    const entry = this.known.get(workspaceId);
    if (entry && Date.now() - entry.readAt < this.refreshMs) return entry.domains;
    if (entry?.reading) return entry.reading;
    const reading = (async () => {
      try {
        const [row] = await workspaceOwnDomains.run({ workspaceId }, sqlClient(this.dataSource));
        const domains = row?.ownDomains ?? [];
        if (this.known.size >= MAX_CACHED_WORKSPACES) this.known.clear();
        this.known.set(workspaceId, { domains, readAt: Date.now() });
        return domains;
      } catch (error) {
        // Known domains go on being used when the database did not answer; without any, the batch fails and is fetched again.
        if (entry) {
          entry.reading = undefined;
          return entry.domains;
        }
        throw error;
      }
    })();
    if (entry) entry.reading = reading;
    return reading;
  }
}

import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { MessageRecord, UnifiedRecord } from '@resonance/contracts';
import { sqlClient } from '@resonance/db';
import { isConnectorError, type ConnectorRegistry } from '@resonance/connectors';
import type { ChannelAccess } from '../channels/channel-access';
import { namedContacts } from './contact-names.queries';

/** Lookups per ingest job at most: a burst of new senders is named over the next deliveries and syncs. */
const MAX_LOOKUPS_PER_JOB = 10;

/**
 * Names the senders a webhook delivery brings without a name (Messenger sends only the PSID)
 * before the records are stored, so the thread shows the person from its first message instead
 * of "—" until a sync reads the conversation's participants. Only senders the channel does not
 * know by name yet are looked up. A failed lookup never fails the delivery: the name stays empty
 * and the next message or sync tries again.
 */
export class ContactNames {
  private readonly logger = new Logger(ContactNames.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChannelAccess,
    private readonly registry: ConnectorRegistry,
  ) {}

  async fill(channelAccountId: string, records: UnifiedRecord[]): Promise<UnifiedRecord[]> {
    const nameless = records.filter(
      (r): r is MessageRecord & { author: { externalId: string } } => r.kind === 'message' && !r.isFromAccount && !r.author.name && !!r.author.externalId,
    );
    if (!nameless.length) return records;
    const channel = await this.access.channel(channelAccountId);
    const profiles = channel ? this.registry.get(channel.network).profiles : undefined;
    if (!channel || !profiles || channel.status !== 'connected') return records;
    const ids = [...new Set(nameless.map((r) => r.author.externalId))];
    const known = new Set((await namedContacts.run({ channelId: channelAccountId, externalIds: ids }, sqlClient(this.dataSource))).map((r) => r.externalId));
    const wanted = ids.filter((id) => !known.has(id)).slice(0, MAX_LOOKUPS_PER_JOB);
    if (!wanted.length) return records;
    const found = new Map<string, { name: string; avatarUrl: string | null }>();
    try {
      const ctx = await this.access.context(channel);
      for (const id of wanted) {
        const profile = await profiles.lookup(ctx, id);
        if (profile?.name) found.set(id, { name: profile.name, avatarUrl: profile.avatarUrl });
      }
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      this.logger.warn({ channelAccountId, code: error.code, message: error.message }, 'sender names not looked up');
    }
    if (!found.size) return records;
    return records.map((r) => {
      if (r.kind !== 'message' || r.isFromAccount || r.author.name || !r.author.externalId) return r;
      const profile = found.get(r.author.externalId);
      return profile ? { ...r, author: { ...r.author, name: profile.name, ...(profile.avatarUrl ? { avatarUrl: profile.avatarUrl } : {}) } } : r;
    });
  }
}

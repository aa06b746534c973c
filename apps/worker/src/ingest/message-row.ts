import { classify } from '@resonance/classifier';
import type { Intent, MessageRecord, SpamReason } from '@resonance/contracts';
import { spamSignalOf } from './spam-signal';

/** A unified message record as the ingest statements write it, and the channel it belongs to. */

export interface ChannelRow {
  id: string;
  workspace_id: string;
  network: string;
  external_id: string;
}

export interface MessageRow {
  external_id: string;
  thread_key: string;
  channel: string;
  parent_external_id: string | null;
  post_external_id: string | null;
  author_external_id: string | null;
  author_name: string | null;
  author_handle: string | null;
  author_avatar: string | null;
  from_account: boolean;
  text: string;
  created_at: string;
  url: string | null;
  attachments: unknown;
  intent: Intent | null;
  sentiment: number | null;
  /** Held by the network for the account's review (YouTube heldForReview): stored hidden. */
  held_for_review: boolean;
  /** spam-signal.ts fingerprint of an inbound text that points somewhere (spamSignalOf); null for the account's own, short and ordinary texts. */
  text_fingerprint: string | null;
  /**
   * The inbound message's spam/abuse reasons (spam-signal.ts): those of its text and label when
   * the row is made, repeated_text added for copies within the page (markRepeatedInPage) and, once
   * stored, the reasons the INSERT wrote (storeThreads: repeated_text across stored threads). The
   * fact a rules engine reads; empty for the account's own messages.
   */
  spamReasons: readonly SpamReason[];
}

export function dedupeByExternalId(messages: MessageRecord[]): MessageRecord[] {
  const seen = new Map<string, MessageRecord>();
  for (const m of messages) seen.set(m.externalId, m);
  return [...seen.values()];
}

export type Label = ReturnType<typeof classify>;

export function isFromAccount(m: MessageRecord, accountExternalId: string): boolean {
  return m.isFromAccount ?? (m.author.externalId !== undefined && m.author.externalId === accountExternalId);
}

/** `ownDomains`: the workspace's own domains (links to them are no sign of spam). */
export function toMessageRow(m: MessageRecord, channel: ChannelRow, prepared: Label | undefined, ownDomains: readonly string[] = []): MessageRow {
  const fromAccount = isFromAccount(m, channel.external_id);
  // Inbound messages are classified in memory (by prepare(), else here) and stored by the same INSERT (issue 10).
  const label = fromAccount ? null : (prepared ?? classify(m.text));
  const spam = fromAccount ? null : spamSignalOf(m.text, label, ownDomains);
  return {
    external_id: m.externalId,
    thread_key: m.threadKey,
    channel: m.channel,
    parent_external_id: m.parentExternalId ?? null,
    post_external_id: m.postExternalId ?? null,
    author_external_id: m.author.externalId ?? null,
    author_name: m.author.name ?? null,
    author_handle: m.author.handle ?? null,
    author_avatar: m.author.avatarUrl ?? null,
    from_account: fromAccount,
    text: m.text,
    created_at: new Date(m.createdAt).toISOString(),
    url: m.url ?? null,
    attachments: m.attachments?.length ? m.attachments : null,
    intent: label?.intent ?? null,
    sentiment: label?.sentiment ?? null,
    held_for_review: m.heldForReview === true,
    text_fingerprint: spam?.fingerprint ?? null,
    spamReasons: spam?.reasons ?? [],
  };
}

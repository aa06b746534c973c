import type { CannedResponse, MessageItem, ThreadDetail } from '@resonance/contracts';

/** "/danke" being typed: the shortcut query after "/" and where the token sits in the text. */
export interface SlashToken {
  query: string;
  start: number;
  end: number;
}

/**
 * The `/shortcut` token the caret stands at the end of, or null. It starts the text or follows
 * whitespace, so "https://…" and "1/2" are not shortcuts.
 */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{N}_-]{0,50})$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { query, start: caret - query.length - 1, end: caret };
}

/** Canned responses for a typed shortcut: exact shortcut first, then shortcuts starting with it, then titles containing it. */
export function matchCanned(list: readonly CannedResponse[], query: string, max = 6): CannedResponse[] {
  const q = query.toLowerCase();
  const rank = (c: CannedResponse): number => {
    const shortcut = c.shortcut?.toLowerCase() ?? '';
    if (shortcut !== '' && shortcut === q) return 0;
    if (shortcut !== '' && shortcut.startsWith(q)) return 1;
    if (q && c.title.toLowerCase().includes(q)) return 2;
    return 3;
  };
  return list
    .map((c) => ({ c, r: rank(c) }))
    .filter(({ r }) => r < 3)
    .sort((a, b) => a.r - b.r || (a.c.shortcut ?? a.c.title).localeCompare(b.c.shortcut ?? b.c.title))
    .slice(0, max)
    .map(({ c }) => c);
}

/** The comments a reply may answer in a comment thread: the customers' (not deleted, known to the network), oldest first. */
export function answerableComments(thread: ThreadDetail, messages: readonly MessageItem[]): MessageItem[] {
  if (thread.kind === 'direct') return [];
  return messages.filter((m) => m.direction === 'inbound' && !m.isFromAccount && !m.deleted && m.externalId !== null);
}

/** A message id's place in time: ids grow with each stored message (a bigint as text). */
const newer = (id: string, than: string): boolean => id.length > than.length || (id.length === than.length && id > than);

/**
 * Who wrote since the agent's snapshot (`seenMessageId`): the customer, and the colleagues who
 * replied (their names; null for the page answering on the network itself, or a nameless user).
 */
export function writtenSince(
  messages: readonly MessageItem[],
  seenMessageId: string | null,
  meId: string,
): { customer: boolean; colleagues: Array<string | null> } {
  if (seenMessageId === null) return { customer: false, colleagues: [] };
  let customer = false;
  const colleagues = new Set<string | null>();
  for (const m of messages) {
    if (!newer(m.id, seenMessageId) || m.deleted) continue;
    if (!m.isFromAccount) customer = true;
    else if (m.author?.type === 'user' && m.author.id !== meId) colleagues.add(m.author.name);
    // The page answering on the network itself (no Resonance author) is news from a colleague too.
    else if (m.author === null) colleagues.add(null);
  }
  return { customer, colleagues: [...colleagues] };
}

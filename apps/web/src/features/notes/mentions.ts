import { NOTE_MENTION_PATTERN, type UserRef } from '@resonance/contracts';

/**
 * Mentions in a note: stored as `<@user-id>` (the API's form, NOTE_MENTION_PATTERN), written and
 * shown as `@Name`. The composer keeps the `@Name` form while one writes and turns it into tokens
 * on saving; any `@` followed by a colleague's full name counts, typed or picked.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `@Name` of each colleague named in the text → `<@id>` (longer names first, so "Anna Agent" wins over "Anna"). */
export function toStoredText(display: string, members: readonly UserRef[]): string {
  let text = display;
  for (const m of [...members].sort((a, b) => b.name.length - a.name.length)) {
    if (!m.name.trim()) continue;
    text = text.replace(new RegExp(`@${escapeRegExp(m.name)}(?=$|[\\s.,;:!?)\\]'"])`, 'g'), `<@${m.id}>`);
  }
  return text;
}

/** A part of a note's text: plain text, or a mention with the name to show (null: a user no longer there). */
export type NoteSegment = { kind: 'text'; text: string } | { kind: 'mention'; userId: string; name: string | null };

export function noteSegments(text: string, mentions: readonly UserRef[]): NoteSegment[] {
  const names = new Map(mentions.map((m) => [m.id.toLowerCase(), m.name]));
  const segments: NoteSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(NOTE_MENTION_PATTERN)) {
    const at = match.index;
    if (at > last) segments.push({ kind: 'text', text: text.slice(last, at) });
    const userId = (match[1] ?? '').toLowerCase();
    segments.push({ kind: 'mention', userId, name: names.get(userId) ?? null });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** The stored text with each known mention as `@Name` (for editing); unknown tokens stay as they are. */
export function toDisplayText(text: string, mentions: readonly UserRef[]): string {
  return noteSegments(text, mentions)
    .map((s) => (s.kind === 'text' ? s.text : s.name !== null ? `@${s.name}` : `<@${s.userId}>`))
    .join('');
}

/** The `@query` being typed just before the caret (from an `@` at a word start), or null. */
export function activeMention(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|\s)@([^\s@<>]{0,30})$/.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** The colleagues whose name matches the query (any word starting with it, or anywhere in it), at most `limit`. */
export function mentionCandidates<T extends UserRef>(members: readonly T[], query: string, limit = 6): T[] {
  const q = query.toLowerCase();
  const starts = members.filter((m) =>
    m.name
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(q)),
  );
  const contains = members.filter((m) => !starts.includes(m) && m.name.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

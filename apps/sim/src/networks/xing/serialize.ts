import type { XingComment, XingConversation, XingMessage, XingPerson, XingUpdate } from './store';

/** XING reports times as ISO 8601 in whole seconds (modelled); the ground truth says the same. */
export const xingTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const person = (p: XingPerson) => ({
  id: p.id,
  type: p.type,
  display_name: p.displayName,
  ...(p.type === 'user' ? { photo_urls: { size_48x48: `https://www.xing.com/img/users/modelled/${p.id}.48x48.jpg` } } : {}),
});

export const updateJson = (u: XingUpdate, companySlug: string, company: XingPerson) => ({
  id: u.id,
  headline: u.headline,
  content: u.content,
  created_at: xingTime(u.createdAt),
  url: `https://www.xing.com/pages/${companySlug}/updates/${u.id}`,
  author: { id: company.id, type: 'company', display_name: company.displayName },
  comments: { total: u.comments.length },
  likes: { total: u.likes.size },
});

export const commentJson = (c: XingComment) => ({ id: c.id, content: c.content, created_at: xingTime(c.createdAt), commenter: person(c.commenter) });

export const conversationJson = (c: XingConversation, agent: XingPerson) => ({
  id: c.id,
  subject: c.subject,
  message_count: c.messages.length,
  unread_count: c.unread,
  updated_at: xingTime(c.updatedAt),
  participants: [
    { id: c.customer.id, display_name: c.customer.displayName },
    { id: agent.id, display_name: agent.displayName },
  ],
});

export const messageJson = (m: XingMessage) => ({
  id: m.id,
  content: m.content,
  created_at: xingTime(m.createdAt),
  read: m.fromCompany || m.conversation.unread === 0,
  sender: { id: m.sender.id, display_name: m.sender.displayName },
});

/** `{<key>: {total, items}}` of one limit/offset page. */
export const listJson = (key: string, all: unknown[], offset: number, limit: number, extra: Record<string, unknown> = {}) => ({
  [key]: { total: all.length, ...extra, items: all.slice(offset, offset + limit) },
});

import type { NotificationKind, NotificationLanguage } from '@resonance/contracts';

/** What a notification e-mail says about its event (from notify.sql LockEmail). */
export interface EmailFacts {
  kind: NotificationKind;
  language: NotificationLanguage;
  recipientName: string;
  actorName: string | null;
  contactName: string | null;
  threadId: string | null;
  threadPreview: string | null;
  channelName: string | null;
  dueAt: Date | null;
}

export interface EmailText {
  subject: string;
  text: string;
}

type Words = Record<NotificationLanguage, { someone: string; customer: string; hello: (name: string) => string; footer: string; open: string }>;

const WORDS: Words = {
  en: {
    someone: 'A colleague',
    customer: 'A customer',
    hello: (name) => `Hello ${name},`,
    footer: 'You get this e-mail because of your notification settings in Resonance (user menu → Notifications).',
    open: 'Open',
  },
  de: {
    someone: 'Jemand aus dem Team',
    customer: 'Eine Kundin oder ein Kunde',
    hello: (name) => `Hallo ${name},`,
    footer: 'Sie erhalten diese E-Mail wegen Ihrer Benachrichtigungseinstellungen in Resonance (Benutzermenü → Benachrichtigungen).',
    open: 'Öffnen',
  },
};

const SUBJECTS: Record<NotificationLanguage, Record<NotificationKind, (f: { actor: string; contact: string; channel: string }) => string>> = {
  en: {
    assigned: ({ actor, contact }) => `${actor} assigned you the conversation with ${contact}`,
    mentioned: ({ actor, contact }) => `${actor} mentioned you in a note on the conversation with ${contact}`,
    sla_warning: ({ contact }) => `SLA due soon: ${contact} is waiting for an answer`,
    channel_reauth: ({ channel }) => `The channel ${channel} needs reconnecting`,
  },
  de: {
    assigned: ({ actor, contact }) => `${actor} hat Ihnen die Unterhaltung mit ${contact} zugewiesen`,
    mentioned: ({ actor, contact }) => `${actor} hat Sie in einer Notiz zur Unterhaltung mit ${contact} erwähnt`,
    sla_warning: ({ contact }) => `SLA läuft bald ab: ${contact} wartet auf eine Antwort`,
    channel_reauth: ({ channel }) => `Der Kanal ${channel} muss neu verbunden werden`,
  },
};

const DUE: Record<NotificationLanguage, (time: string) => string> = {
  en: (time) => `The SLA is due at ${time} (UTC).`,
  de: (time) => `Die SLA-Frist endet um ${time} (UTC).`,
};

const RECONNECT: Record<NotificationLanguage, string> = {
  en: 'Until an admin reconnects it, nothing new arrives from it and replies through it fail.',
  de: 'Bis ein Admin ihn neu verbindet, kommt von dort nichts Neues an, und Antworten darüber schlagen fehl.',
};

/** Subject and plain-text body of a notification e-mail, in the recipient's language, with a link into the dashboard. */
export function emailText(facts: EmailFacts, publicUrl: string): EmailText {
  const words = WORDS[facts.language];
  const parts = { actor: facts.actorName ?? words.someone, contact: facts.contactName ?? words.customer, channel: facts.channelName ?? '—' };
  const subject = SUBJECTS[facts.language][facts.kind](parts);
  const base = publicUrl.replace(/\/+$/, '');
  const link = facts.kind === 'channel_reauth' ? `${base}/channels` : facts.threadId ? `${base}/inbox/${facts.threadId}` : base;
  const lines = [words.hello(facts.recipientName), '', `${subject}.`];
  if (facts.threadPreview) lines.push('', `“${facts.threadPreview.slice(0, 300)}”`);
  if (facts.kind === 'sla_warning' && facts.dueAt) lines.push('', DUE[facts.language](facts.dueAt.toISOString().slice(0, 16).replace('T', ' ')));
  if (facts.kind === 'channel_reauth') lines.push('', RECONNECT[facts.language]);
  lines.push('', `${words.open}: ${link}`, '', '—', words.footer);
  return { subject, text: lines.join('\n') };
}

import { definePart } from '../part';

/**
 * The spam/abuse signal and YouTube's held-for-review comments (issue 25): the reasons' badge
 * (features/inbox/SpamBadge.tsx), the inbox views "Possible spam" and "Held for review"
 * (features/inbox/ModerationViews.tsx), the held comment's actions (MessageActions.tsx) and the
 * own domains setting (features/admin/OwnDomains.tsx).
 */
export const spam25 = definePart(
  {
    'spam.badge': 'Possible spam: {reasons}',
    'spam.reason.link_unknown_domain': 'link to an unknown domain',
    'spam.reason.repeated_text': 'same text in other threads',
    'spam.reason.scam_phrase': 'known scam phrase',
    'spam.reason.classifier_spam': 'reads like spam',
    'spam.reason.abuse': 'insult or profanity',
    'spam.view': 'Possible spam',
    'held.view': 'Held for review (YouTube)',
    'held.badge': 'Held for review',
    'held.publish': 'Publish',
    'held.reject': 'Reject',
    'held.rejectAndBan': 'Reject and ban author',
    'ownDomains.label': 'Own domains',
    'ownDomains.description': 'Links to these domains (and their subdomains) are not a sign of spam. One per line, e.g. example.com.',
    'ownDomains.saved': 'Own domains saved.',
    'errors.OWN_DOMAIN_INVALID': 'One of the own domains is not a domain name (e.g. example.com).',
  },
  {
    'spam.badge': 'Möglicher Spam: {reasons}',
    'spam.reason.link_unknown_domain': 'Link auf eine unbekannte Domain',
    'spam.reason.repeated_text': 'gleicher Text in anderen Unterhaltungen',
    'spam.reason.scam_phrase': 'bekannte Betrugsmasche',
    'spam.reason.classifier_spam': 'liest sich wie Spam',
    'spam.reason.abuse': 'Beleidigung oder Schimpfwort',
    'spam.view': 'Möglicher Spam',
    'held.view': 'Zur Prüfung zurückgehalten (YouTube)',
    'held.badge': 'Zur Prüfung zurückgehalten',
    'held.publish': 'Veröffentlichen',
    'held.reject': 'Ablehnen',
    'held.rejectAndBan': 'Ablehnen und Autor sperren',
    'ownDomains.label': 'Eigene Domains',
    'ownDomains.description': 'Links auf diese Domains (und ihre Subdomains) gelten nicht als Spam-Hinweis. Eine pro Zeile, z. B. example.com.',
    'ownDomains.saved': 'Eigene Domains gespeichert.',
    'errors.OWN_DOMAIN_INVALID': 'Eine der eigenen Domains ist kein Domainname (z. B. example.com).',
  },
);

import { definePart } from '../part';

/**
 * Moderation on every network (issue 25): the ban action and its confirmation
 * (features/inbox/MessageActions.tsx), the plain word that a network allows none
 * (features/inbox/Conversation.tsx), and the API's moderation refusals (shared/api/error-text.ts).
 */
export const mod25 = definePart(
  {
    'inbox.ban': 'Hide and ban author',
    'inbox.banConfirmTitle': 'Hide the comment and ban its author?',
    'inbox.banConfirm': 'The comment is hidden on {network} and its author can no longer comment on the channel. It counts as handled without a reply.',
    'inbox.banConfirmButton': 'Hide and ban',
    'inbox.block': 'Block author',
    'inbox.blockConfirmTitle': 'Block the author from the page?',
    'inbox.blockConfirm':
      'The author can no longer comment on or message the page on {network}. The comment itself stays: hide or delete it as well if it should go.',
    'inbox.blockConfirmButton': 'Block',
    'inbox.deleteOwnConfirm': 'Your post is deleted on {network} for everyone and cannot be restored.',
    'inbox.moderationNone':
      "{network}'s API allows no moderation of other people's comments: hide or delete them on {network} itself. Resonance can only delete your own comments there.",
    'errors.ACTION_NOT_ALLOWED': 'The network does not allow this action on this message.',
    'errors.ACTION_NOT_NOW': 'This action does not fit the message any more (it changed in the meantime). The page shows its current state.',
    'errors.ACTION_PENDING': 'Another action on this message is still being carried out. Try again once it is done.',
  },
  {
    'inbox.ban': 'Ausblenden und Autor sperren',
    'inbox.banConfirmTitle': 'Kommentar ausblenden und Autor sperren?',
    'inbox.banConfirm':
      'Der Kommentar wird auf {network} ausgeblendet, und sein Autor kann auf dem Kanal nicht mehr kommentieren. Er zählt als ohne Antwort erledigt.',
    'inbox.banConfirmButton': 'Ausblenden und sperren',
    'inbox.block': 'Autor blockieren',
    'inbox.blockConfirmTitle': 'Autor für die Seite blockieren?',
    'inbox.blockConfirm':
      'Der Autor kann die Seite auf {network} nicht mehr kommentieren oder ihr schreiben. Der Kommentar selbst bleibt: Blenden Sie ihn zusätzlich aus oder löschen Sie ihn, wenn er verschwinden soll.',
    'inbox.blockConfirmButton': 'Blockieren',
    'inbox.deleteOwnConfirm': 'Ihr Beitrag wird auf {network} für alle gelöscht und lässt sich nicht wiederherstellen.',
    'inbox.moderationNone':
      '{network} erlaubt über seine Schnittstelle keine Moderation: Kommentare bitte direkt auf {network} liken, ausblenden oder löschen.',
    'errors.ACTION_NOT_ALLOWED': 'Das Netzwerk erlaubt diese Aktion für diese Nachricht nicht.',
    'errors.ACTION_NOT_NOW': 'Diese Aktion passt nicht mehr zur Nachricht (sie hat sich inzwischen geändert). Die Seite zeigt ihren aktuellen Stand.',
    'errors.ACTION_PENDING': 'Eine andere Aktion für diese Nachricht läuft noch. Bitte versuchen Sie es erneut, wenn sie erledigt ist.',
  },
);

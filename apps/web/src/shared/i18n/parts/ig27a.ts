import { definePart } from '../part';

/**
 * Instagram in the agent's composer (issue 27): private replies to comments (features/inbox/
 * PrivateReply.tsx, Composer.tsx), the messaging window the composer explains before anyone types
 * (ReplyWindowNotice.tsx), and the admins' HUMAN_AGENT setting (features/admin/HumanAgentSetting.tsx).
 */
export const ig27a = definePart(
  {
    'errors.PRIVATE_REPLY_SENT': 'This comment has already been answered privately. The network allows one private reply per comment.',
    'errors.PRIVATE_REPLY_EXPIRED': 'This comment is older than 7 days. The network allows a private reply only within 7 days of the comment.',
    'errors.PRIVATE_REPLY_HIDDEN': 'This comment is hidden. Hidden comments cannot be answered; unhide it first.',
    'privateReply.mode': 'Reply privately',
    'privateReply.placeholder': 'Direct message to {name} about this comment — one per comment, within 7 days (Ctrl+Enter sends)',
    'privateReply.send': 'Send private reply',
    'privateReply.sent': 'Private reply queued. It is in the direct conversation with {name}.',
    'privateReply.answered': 'Answered privately',
    'privateReply.open': 'Open conversation',
    'privateReply.someone': 'the author',
    'window.closed': '{network} allows replies only within {hours} hours of the customer’s last message. The window closed {time}.',
    'window.closedHumanAgent': '{network} allows a person to reply up to 7 days after the customer’s last message (HUMAN_AGENT tag). The window closed {time}.',
    'window.noInbound': '{network} lets a business write only after the customer has written. There is no message from the customer in this conversation.',
    'window.open': 'Replies are possible until {time} ({network}’s {hours}-hour window).',
    'humanAgent.title': 'Meta HUMAN_AGENT approval',
    'humanAgent.label': 'Meta has approved our app for the HUMAN_AGENT tag',
    'humanAgent.description':
      'Instagram lets a business answer a direct message only within 24 hours of the customer’s last message. With the Human Agent permission, which Meta grants only through App Review of the app this server uses, a person may answer up to 7 days later; those messages are tagged HUMAN_AGENT. Turn this on only once Meta has approved it: otherwise Meta refuses the tagged messages. Automated messages never use the tag.',
    'humanAgent.saved': 'HUMAN_AGENT setting saved.',
    'person.unnamed': '{network} user',
  },
  {
    'errors.PRIVATE_REPLY_SENT': 'Dieser Kommentar wurde bereits privat beantwortet. Das Netzwerk erlaubt eine private Antwort pro Kommentar.',
    'errors.PRIVATE_REPLY_EXPIRED':
      'Dieser Kommentar ist älter als 7 Tage. Das Netzwerk erlaubt eine private Antwort nur innerhalb von 7 Tagen nach dem Kommentar.',
    'errors.PRIVATE_REPLY_HIDDEN': 'Dieser Kommentar ist ausgeblendet. Ausgeblendete Kommentare können nicht beantwortet werden; blende ihn zuerst wieder ein.',
    'privateReply.mode': 'Privat antworten',
    'privateReply.placeholder': 'Direktnachricht an {name} zu diesem Kommentar — eine pro Kommentar, innerhalb von 7 Tagen (Strg+Enter sendet)',
    'privateReply.send': 'Private Antwort senden',
    'privateReply.sent': 'Private Antwort eingereiht. Sie steht in der Direktnachrichten-Unterhaltung mit {name}.',
    'privateReply.answered': 'Privat beantwortet',
    'privateReply.open': 'Unterhaltung öffnen',
    'privateReply.someone': 'der Person',
    'window.closed':
      '{network} erlaubt Antworten nur innerhalb von {hours} Stunden nach der letzten Nachricht der Kundin oder des Kunden. Das Zeitfenster hat sich {time} geschlossen.',
    'window.closedHumanAgent':
      '{network} erlaubt einer Person Antworten bis zu 7 Tage nach der letzten Nachricht der Kundin oder des Kunden (HUMAN_AGENT-Tag). Das Zeitfenster hat sich {time} geschlossen.',
    'window.noInbound':
      '{network} erlaubt Unternehmen erst zu schreiben, nachdem die Kundin oder der Kunde geschrieben hat. In dieser Unterhaltung gibt es noch keine Nachricht von ihr oder ihm.',
    'window.open': 'Antworten sind bis {time} möglich ({hours}-Stunden-Fenster von {network}).',
    'humanAgent.title': 'Meta-Freigabe HUMAN_AGENT',
    'humanAgent.label': 'Meta hat unsere App für das HUMAN_AGENT-Tag freigegeben',
    'humanAgent.description':
      'Instagram erlaubt Unternehmen, eine Direktnachricht nur innerhalb von 24 Stunden nach der letzten Nachricht der Kundin oder des Kunden zu beantworten. Mit der Berechtigung „Human Agent“, die Meta nur über das App Review der App erteilt, die dieser Server verwendet, darf eine Person bis zu 7 Tage später antworten; diese Nachrichten tragen das Tag HUMAN_AGENT. Schalte dies erst ein, wenn Meta es freigegeben hat: Sonst lehnt Meta die markierten Nachrichten ab. Automatische Nachrichten verwenden das Tag nie.',
    'humanAgent.saved': 'HUMAN_AGENT-Einstellung gespeichert.',
    'person.unnamed': '{network}-Nutzer:in',
  },
);

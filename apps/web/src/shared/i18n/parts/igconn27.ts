import { definePart } from '../part';

/**
 * Instagram (issue 27): the network's name wherever networks are named (NetworkIcon, filters,
 * reports, SLA targets) and the notice of what Instagram allows, shown where it is connected
 * (features/channels/ChannelsPage.tsx).
 */
export const igconn27 = definePart(
  {
    'network.instagram': 'Instagram',
    'channels.instagramNotice':
      'Instagram connects professional accounts only (business or creator), through Instagram Login or through the Facebook Page the account is linked to. Resonance reads comments and replies on your posts, comments and posts that mention or tag you, and direct messages. Instagram does not give comments on ads, on age-restricted posts or from people you restricted; you can answer a direct message only within 24 hours of the customer’s last message (7 days for a person, if Meta approved your app for the human agent tag); hidden comments cannot be answered; Instagram has no liking or blocking through its API.',
  },
  {
    'network.instagram': 'Instagram',
    'channels.instagramNotice':
      'Instagram verbindet nur professionelle Konten (Business oder Creator), über den Instagram-Login oder über die Facebook-Seite, mit der das Konto verknüpft ist. Resonance liest Kommentare und Antworten unter Ihren Beiträgen, Kommentare und Beiträge, die Sie erwähnen oder markieren, und Direktnachrichten. Kommentare unter Anzeigen, unter altersbeschränkten Beiträgen oder von Personen, die Sie eingeschränkt haben, gibt Instagram nicht heraus; auf eine Direktnachricht können Sie nur innerhalb von 24 Stunden nach der letzten Nachricht der Kundin oder des Kunden antworten (7 Tage für eine Person, wenn Meta Ihre App für das Human-Agent-Tag freigegeben hat); ausgeblendete Kommentare lassen sich nicht beantworten; Liken oder Blockieren bietet Instagrams Schnittstelle nicht.',
  },
);

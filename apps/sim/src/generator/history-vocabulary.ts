import type { Intent } from '@resonance/contracts';
import type { Language } from './vocabulary';

/**
 * What the demo company posted in its recent past, by topic (the post-topic model in
 * libs/classifier/src/post-topic.ts reads each as meant; libs/classifier/test/post-topic.spec.ts). Deals are the rarest topic on
 * purpose: customers ask for discounts and buy far more often than the posts talk about it —
 * the gap between what a brand says and what its audience asks, which the reports make visible.
 */
export type PostTopic = 'product' | 'deal' | 'service' | 'story';

export const POST_TOPIC_WEIGHTS: Record<PostTopic, number> = { product: 4, service: 3, story: 3, deal: 1 };

export const HISTORY_POSTS: Record<PostTopic, Record<Language, readonly string[]>> = {
  product: {
    de: [
      'Neu im Shop: der {product}! Jetzt in {color} erhältlich.',
      'Neu aufgelegt: der {product} in allen Größen.',
      'So testen wir den {product}: 200 km im Regen, bevor er in den Laden kommt.',
      'Der {product} hat jetzt eine neue Sohle. Was sagt ihr?',
    ],
    en: [
      'New in store: the {product}! Now available in {color}.',
      'New batch: the {product} in every size.',
      'How we test the {product}: 200 km in the rain before it reaches the shop.',
      'The {product} now has a new sole. What do you think?',
    ],
  },
  deal: {
    de: ['Nur dieses Wochenende: {percent} % auf alle Jacken 🎉', 'Aktion: gratis Versand bis Sonntag auf den {product}.'],
    en: ['This weekend only: {percent}% off all jackets 🎉', 'Deal: free shipping on the {product} until Sunday.'],
  },
  service: {
    de: [
      'Unser Kundenservice ist ab sofort auch samstags von 10 bis 14 Uhr für euch da.',
      'Pflegetipp der Woche: so bleibt dein {product} wie neu.',
      'Rückgabe ist jetzt 60 Tage lang kostenlos.',
      'Wegen Streiks bei der Post kann sich der Versand um {days} Tage verzögern. Danke für eure Geduld!',
    ],
    en: [
      'Our customer service is now open on Saturdays too, 10 am to 2 pm.',
      'Care tip of the week: keep your {product} like new.',
      'Returns are now free for 60 days.',
      'Because of postal strikes, delivery may take {days} days longer. Thanks for your patience!',
    ],
  },
  story: {
    de: [
      'Hinter den Kulissen: so entsteht der {product} in unserer Manufaktur.',
      'Wohin geht eure nächste Tour? Zeigt uns eure Bilder mit dem {product}!',
      'Unser Team war am Wochenende in den Alpen unterwegs. Eure Lieblingsroute?',
    ],
    en: [
      'Behind the scenes: how the {product} is made in our workshop.',
      'Where is your next trip? Show us your photos with the {product}!',
      'Our team spent the weekend in the Alps. What is your favourite route?',
    ],
  },
};

/** Customer intents in the history: discounts and buying lead, as on a real shop's channels. */
export const HISTORY_INTENT_WEIGHTS: Record<Intent, number> = {
  discount_request: 26,
  purchase_intent: 24,
  product_question: 18,
  complaint_support: 14,
  praise: 12,
  other_spam: 6,
};

/** A customer's second word in a thread: a follow-up to their own comment. */
export const FOLLOW_UPS: Record<Language, readonly string[]> = {
  de: [
    'Hallo? Hat jemand meine Frage gesehen?',
    'Danke für die schnelle Antwort!',
    'Ok, und gilt das auch für den {product}?',
    'Immer noch keine Antwort 😕',
    'Super, habe gerade bestellt!',
  ],
  en: [
    'Hello? Did anyone see my question?',
    'Thanks for the quick answer!',
    'Ok, and does that apply to the {product} too?',
    'Still no answer 😕',
    'Great, just ordered!',
  ],
};

/** The company's answers, by what the customer wanted. */
export const HISTORY_REPLIES: Record<Intent, Record<Language, readonly string[]>> = {
  discount_request: {
    de: ['Mit dem Code SOCIAL10 sparst du 10 % – viel Spaß!', 'Aktuell haben wir keinen Sale, aber im Newsletter gibt es 10 % auf die erste Bestellung.'],
    en: ['Use the code SOCIAL10 for 10% off – enjoy!', 'No sale right now, but the newsletter gives you 10% off your first order.'],
  },
  purchase_intent: {
    de: ['Den {product} findest du direkt im Shop, Link in der Bio!', 'Ja, in {size} ist er lieferbar. Versand in 1–2 Tagen.'],
    en: ['You can find the {product} in our shop, link in bio!', 'Yes, size {size} is in stock. Ships in 1–2 days.'],
  },
  product_question: {
    de: ['Gute Frage! Der {product} ist wasserabweisend, aber nicht komplett wasserdicht.', 'Er fällt normal aus, nimm deine übliche Größe.'],
    en: ['Good question! The {product} is water-repellent but not fully waterproof.', 'It runs true to size, take your usual one.'],
  },
  complaint_support: {
    de: [
      'Das tut uns leid! Schreib uns bitte eine DM mit deiner Bestellnummer.',
      'Wir haben uns die Bestellung {order} angesehen und melden uns per Nachricht.',
    ],
    en: ["We're sorry! Please DM us your order number.", "We've looked into order {order} and will message you."],
  },
  praise: {
    de: ['Vielen Dank für das tolle Feedback! 😊', 'Das freut uns riesig, danke!'],
    en: ['Thank you for the lovely feedback! 😊', 'That makes our day, thank you!'],
  },
  other_spam: { de: ['Danke!'], en: ['Thanks!'] },
};

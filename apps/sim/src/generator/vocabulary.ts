import type { Intent } from '@resonance/contracts';

/**
 * Words and sentence templates of the demo shop's audience, in German and English. Templates take
 * {product}, {percent}, {order}, {size}, {color}, {city} and {days}; the generator fills them in.
 * The texts read like real comments on a consumer brand's page: short, informal, some typos left in.
 */
export type Language = 'de' | 'en';

export const PRODUCTS = {
  de: [
    'Laufschuh Aero 2',
    'Regenjacke Nordkap',
    'Rucksack Urban 25',
    'Trinkflasche Thermo',
    'Sneaker Classic',
    'Fleecejacke Alpin',
    'Sporttasche Weekender',
    'Wanderschuh Trail X',
  ],
  en: [
    'Aero 2 running shoe',
    'Nordkap rain jacket',
    'Urban 25 backpack',
    'Thermo bottle',
    'Classic sneaker',
    'Alpine fleece',
    'Weekender duffel',
    'Trail X hiking boot',
  ],
} as const;

export const COLORS = { de: ['schwarz', 'blau', 'grün', 'rot', 'grau', 'beige'], en: ['black', 'blue', 'green', 'red', 'grey', 'sand'] } as const;
export const SIZES = ['38', '40', '42', '44', '46', 'S', 'M', 'L', 'XL'] as const;
export const CITIES = ['Berlin', 'Hamburg', 'München', 'Köln', 'Leipzig', 'Wien', 'Zürich', 'London', 'Dublin'] as const;
export const EMOJI = ['😍', '🙏', '😡', '👍', '🔥', '😕', '❤️', '🤔', '😂', '🎉'] as const;

export const TEMPLATES: Record<Intent, Record<Language, readonly string[]>> = {
  discount_request: {
    de: [
      'Gibt es für den {product} auch einen Rabattcode?',
      'Habt ihr noch einen Gutschein? Würde den {product} sofort bestellen',
      'Wann kommt der nächste Sale? {percent} % wären top 😅',
      'Gibt es Studentenrabatt?',
      'Bekomme ich als Stammkunde einen Rabatt auf den {product}?',
      'Black Friday Angebot schon bekannt??',
      'Gibts den {product} bald günstiger?',
    ],
    en: [
      'Any discount code for the {product}?',
      'Do you have a coupon? Would order the {product} right away',
      'When is the next sale? {percent}% off would be amazing',
      'Is there a student discount?',
      'Any deal for returning customers on the {product}?',
      'Black Friday deals already out??',
      'Will the {product} be cheaper soon?',
    ],
  },
  purchase_intent: {
    de: [
      'Will den {product} in {color} kaufen, wo bekomme ich den?',
      'Ist der {product} in Größe {size} noch lieferbar? Würde direkt bestellen',
      'Habe gerade den {product} in den Warenkorb gelegt 🔥',
      'Gibt es den {product} auch in {city} im Laden?',
      'Nehme zwei Stück! Wie schnell ist der Versand?',
      'Muss ich haben. Link zum Shop?',
    ],
    en: [
      'Want to buy the {product} in {color}, where can I get it?',
      'Is the {product} in size {size} in stock? Would order right now',
      'Just added the {product} to my cart 🔥',
      'Is the {product} available in a store in {city}?',
      "I'll take two! How fast is shipping?",
      'Need this. Link to the shop?',
    ],
  },
  product_question: {
    de: [
      'Ist der {product} wasserdicht?',
      'Fällt der {product} eher klein oder groß aus? Ich trage normalerweise {size}',
      'Aus welchem Material ist der {product}?',
      'Kann man den {product} in der Maschine waschen?',
      'Wie schwer ist der {product}?',
      'Gibt es den {product} auch in {color}?',
      'Wie lange hält der Akku... äh die Sohle vom {product}? 😄',
    ],
    en: [
      'Is the {product} waterproof?',
      'Does the {product} run small or large? I usually wear {size}',
      'What material is the {product} made of?',
      'Can the {product} go in the washing machine?',
      'How heavy is the {product}?',
      'Does the {product} come in {color}?',
      'How long does the sole of the {product} last?',
    ],
  },
  complaint_support: {
    de: [
      'Meine Bestellung {order} ist seit {days} Tagen nicht angekommen. Was ist da los?',
      'Der {product} ist nach zwei Wochen kaputt gegangen 😡',
      'Ich warte seit {days} Tagen auf meine Rückerstattung für {order}!',
      'Niemand antwortet auf meine Mails. Bestellung {order}, bitte melden!',
      'Falsche Größe geliefert, wie kann ich umtauschen?',
      'Die Naht am {product} ist schon aufgegangen. Garantie?',
      'Paket {order} als zugestellt markiert, ist aber nicht da.',
    ],
    en: [
      'My order {order} has not arrived after {days} days. What is going on?',
      'The {product} broke after two weeks 😡',
      'Still waiting {days} days for my refund for {order}!',
      'Nobody answers my emails. Order {order}, please get back to me!',
      'Got the wrong size, how do I exchange it?',
      'The seam on my {product} already came apart. Warranty?',
      'Parcel {order} says delivered but it is not here.',
    ],
  },
  praise: {
    de: [
      'Bester {product} den ich je hatte ❤️',
      'Super schneller Versand, danke!',
      'Der {product} in {color} sieht mega aus 😍',
      'Toller Kundenservice, hat alles geklappt 👍',
      'Trage den {product} jeden Tag, absolut empfehlenswert',
      'Endlich mal eine Marke, die hält was sie verspricht!',
    ],
    en: [
      'Best {product} I ever had ❤️',
      'Super fast shipping, thank you!',
      'The {product} in {color} looks amazing 😍',
      'Great customer service, everything worked out 👍',
      'Wearing the {product} every day, highly recommend',
      'Finally a brand that keeps its promises!',
    ],
  },
  other_spam: {
    de: [
      'Verdiene 500 € am Tag von zu Hause!!! Infos in meinem Profil',
      'Gewinnspiel? Hier klicken: http://gewinn-jetzt.example/xyz',
      '@Lena guck mal',
      'Wer ist noch wach?',
      'Folgt mir für mehr Tipps 💯',
      'Erster!',
    ],
    en: [
      'Make $500 a day from home!!! Check my profile',
      'Claim your free prize here: http://free-prize.example/abc',
      '@Sam look at this',
      'Who else is up?',
      'Follow me for more tips 💯',
      'First!',
    ],
  },
};

/** Replies written by the company itself, natively on the network (counted as responses). */
export const ACCOUNT_REPLIES: Record<Language, readonly string[]> = {
  de: [
    'Danke für deine Nachricht! Schreib uns bitte eine DM mit deiner Bestellnummer.',
    'Hallo! Der {product} ist in allen Größen lieferbar.',
    'Das tut uns leid! Wir melden uns gleich per Nachricht.',
    'Vielen Dank für das tolle Feedback! 😊',
    'Mit dem Code SOCIAL10 sparst du 10 %.',
  ],
  en: [
    'Thanks for reaching out! Please DM us your order number.',
    'Hi! The {product} is available in all sizes.',
    "We're sorry to hear that! We'll message you right away.",
    'Thank you for the lovely feedback! 😊',
    'Use the code SOCIAL10 for 10% off.',
  ],
};

/** The company's own posts: launches, deals, stories. */
export const POST_TEMPLATES: Record<Language, readonly string[]> = {
  de: [
    'Neu im Shop: der {product}! Jetzt in {color} erhältlich.',
    'Nur dieses Wochenende: {percent} % auf alle Jacken 🎉',
    'Wohin geht eure nächste Tour? Zeigt uns eure Bilder mit dem {product}!',
    'Hinter den Kulissen: so entsteht der {product} in unserer Manufaktur.',
    'Pflegetipp der Woche: so bleibt dein {product} wie neu.',
  ],
  en: [
    'New in store: the {product}! Now available in {color}.',
    'This weekend only: {percent}% off all jackets 🎉',
    'Where is your next trip? Show us your photos with the {product}!',
    'Behind the scenes: how the {product} is made in our workshop.',
    'Care tip of the week: keep your {product} like new.',
  ],
};

export const FIRST_NAMES = {
  de: [
    'Lena',
    'Jonas',
    'Mia',
    'Lukas',
    'Hannah',
    'Felix',
    'Sophie',
    'Paul',
    'Emma',
    'Leon',
    'Marie',
    'Finn',
    'Anna',
    'Jan',
    'Laura',
    'Tim',
    'Julia',
    'Max',
    'Sarah',
    'Niklas',
    'Jürgen',
    'Björn',
    'Özlem',
    'Ayşe',
  ],
  en: [
    'Olivia',
    'James',
    'Amelia',
    'Oliver',
    'Isla',
    'Harry',
    'Ava',
    'Jack',
    'Emily',
    'George',
    'Grace',
    'Noah',
    'Chloe',
    'Liam',
    'Ella',
    'Ethan',
    'Zoe',
    'Mason',
    'Ruby',
    'Lucas',
  ],
} as const;

export const LAST_NAMES = {
  de: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Schulz',
    'Hoffmann',
    'Koch',
    'Richter',
    'Klein',
    'Wolf',
    'Schröder',
    'Neumann',
    'Yılmaz',
    'Kowalski',
  ],
  en: [
    'Smith',
    'Jones',
    'Taylor',
    'Brown',
    'Williams',
    'Wilson',
    'Johnson',
    'Davies',
    'Robinson',
    'Wright',
    'Thompson',
    'Evans',
    'Walker',
    'White',
    "O'Brien",
    'Murphy',
  ],
} as const;

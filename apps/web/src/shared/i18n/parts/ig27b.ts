import { definePart } from '../part';

/**
 * Instagram's two setups in the connect flow (issue 27, features/channels/InstagramSetupChoice.tsx):
 * each choice with one sentence on when to use it.
 */
export const ig27b = definePart(
  {
    'channels.instagramSetup.legend': 'Instagram offers two ways to sign in. Choose the one that fits how your account is managed:',
    'channels.instagramSetup.instagram_login': 'Connect with Instagram Login',
    'channels.instagramSetup.instagram_login.hint':
      'Use this when you manage the account in Instagram itself or it is not linked to a Facebook Page: you sign in with the Instagram account.',
    'channels.instagramSetup.facebook_login': 'Connect through a Facebook Page',
    'channels.instagramSetup.facebook_login.hint':
      'Use this when the account is linked to a Facebook Page you manage (for example in Meta Business Suite): you sign in with Facebook and pick the Page’s Instagram account.',
    'channels.instagramSetup.reconnect.instagram_login': 'Reconnect with Instagram Login',
    'channels.instagramSetup.reconnect.facebook_login': 'Reconnect through a Facebook Page',
  },
  {
    'channels.instagramSetup.legend': 'Instagram bietet zwei Wege der Anmeldung. Wählen Sie den, der zur Verwaltung Ihres Kontos passt:',
    'channels.instagramSetup.instagram_login': 'Mit Instagram-Login verbinden',
    'channels.instagramSetup.instagram_login.hint':
      'Nutzen Sie diesen Weg, wenn Sie das Konto direkt in Instagram verwalten oder es mit keiner Facebook-Seite verknüpft ist: Sie melden sich mit dem Instagram-Konto an.',
    'channels.instagramSetup.facebook_login': 'Über eine Facebook-Seite verbinden',
    'channels.instagramSetup.facebook_login.hint':
      'Nutzen Sie diesen Weg, wenn das Konto mit einer Facebook-Seite verknüpft ist, die Sie verwalten (zum Beispiel in der Meta Business Suite): Sie melden sich bei Facebook an und wählen das Instagram-Konto der Seite.',
    'channels.instagramSetup.reconnect.instagram_login': 'Mit Instagram-Login neu verbinden',
    'channels.instagramSetup.reconnect.facebook_login': 'Über eine Facebook-Seite neu verbinden',
  },
);

import { definePart } from '../part';

/** The invitation and password-reset page (features/auth/AccessLinkPage.tsx). */
export const accessLinks = definePart(
  {
    'access.inviteTitle': 'Welcome, {name}',
    'access.resetTitle': 'New password for {name}',
    'access.intro': 'Choose a password for {email}. You are signed in afterwards.',
    'access.password': 'New password (at least 10 characters)',
    'access.repeat': 'Repeat the password',
    'access.mismatch': 'The two passwords differ.',
    'access.submit': 'Set password and sign in',
    'access.unknown': 'This link is not valid: it was mistyped, or a newer link replaced it. Ask an admin for a new link.',
    'access.used': 'This link was used already; it works only once. Ask an admin for a new link.',
    'access.expired': 'This link has expired. Ask an admin for a new link.',
    'access.inactive': 'This account is deactivated. Ask an admin.',
    'access.toLogin': 'Go to sign-in',
  },
  {
    'access.inviteTitle': 'Willkommen, {name}',
    'access.resetTitle': 'Neues Passwort für {name}',
    'access.intro': 'Wählen Sie ein Passwort für {email}. Danach sind Sie angemeldet.',
    'access.password': 'Neues Passwort (mindestens 10 Zeichen)',
    'access.repeat': 'Passwort wiederholen',
    'access.mismatch': 'Die beiden Passwörter sind verschieden.',
    'access.submit': 'Passwort setzen und anmelden',
    'access.unknown': 'Dieser Link ist ungültig: vertippt oder durch einen neueren Link ersetzt. Bitten Sie einen Admin um einen neuen Link.',
    'access.used': 'Dieser Link wurde schon benutzt; er gilt nur einmal. Bitten Sie einen Admin um einen neuen Link.',
    'access.expired': 'Dieser Link ist abgelaufen. Bitten Sie einen Admin um einen neuen Link.',
    'access.inactive': 'Dieses Konto ist deaktiviert. Bitte wenden Sie sich an einen Admin.',
    'access.toLogin': 'Zur Anmeldung',
  },
);

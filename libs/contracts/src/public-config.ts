/** What GET /api/config tells anyone, signed in or not: only what the login page needs. */
export interface PublicConfig {
  /** The demo workspace with its well-known passwords is seeded: the login page may name them. */
  demoMode: boolean;
}

/** Where the dashboard loads a contact's avatar: the api fetches it from the network and serves it. */
export const contactAvatarPath = (contactId: string): string => `/api/contacts/${encodeURIComponent(contactId)}/avatar`;

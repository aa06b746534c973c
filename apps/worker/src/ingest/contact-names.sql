/* Names of webhook-only senders (contact-names.ts; typed into contact-names.queries.ts). */

/* Of these senders, those the channel already knows by name. */
/* @name NamedContacts */
SELECT external_id AS "externalId!" FROM contact
 WHERE channel_account_id = :channelId! AND external_id = ANY(:externalIds!::text[]) AND name IS NOT NULL;

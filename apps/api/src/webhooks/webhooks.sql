/* The SQL of webhook deliveries (webhooks.repository.ts runs it; `npm run gen:sql` types it into webhooks.queries.ts). */

/* @name DeliverySeen */
SELECT 1 AS "found!" FROM webhook_delivery WHERE network = :network! AND delivery_id = :deliveryId!;

/* @name RememberDelivery */
INSERT INTO webhook_delivery (network, delivery_id) VALUES (:network!, :deliveryId!) ON CONFLICT DO NOTHING;

/* Only connected channels receive: not paused, not waiting for reconnection, not in error. */
/* @name ReceivingChannels */
SELECT id, external_id AS "externalId" FROM channel_account
 WHERE network = :network! AND status = 'connected' AND external_id = ANY(:externalIds!::text[]);

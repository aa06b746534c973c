/** Types generated for queries found in "apps/api/src/webhooks/webhooks.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'DeliverySeen' parameters type */
export interface IDeliverySeenParams {
  deliveryId: string;
  network: string;
}

/** 'DeliverySeen' return type */
export interface IDeliverySeenResult {
  found: number;
}

/** 'DeliverySeen' query type */
export interface IDeliverySeenQuery {
  params: IDeliverySeenParams;
  result: IDeliverySeenResult;
}

const deliverySeenIR: any = {"usedParamSet":{"network":true,"deliveryId":true},"params":[{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":67}]},{"name":"deliveryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":98}]}],"statement":"SELECT 1 AS \"found!\" FROM webhook_delivery WHERE network = :network! AND delivery_id = :deliveryId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM webhook_delivery WHERE network = :network! AND delivery_id = :deliveryId!
 * ```
 */
export const deliverySeen = new PreparedQuery<IDeliverySeenParams,IDeliverySeenResult>(deliverySeenIR);


/** 'RememberDelivery' parameters type */
export interface IRememberDeliveryParams {
  deliveryId: string;
  network: string;
}

/** 'RememberDelivery' return type */
export type IRememberDeliveryResult = void;

/** 'RememberDelivery' query type */
export interface IRememberDeliveryQuery {
  params: IRememberDeliveryParams;
  result: IRememberDeliveryResult;
}

const rememberDeliveryIR: any = {"usedParamSet":{"network":true,"deliveryId":true},"params":[{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":68}]},{"name":"deliveryId","required":true,"transform":{"type":"scalar"},"locs":[{"a":71,"b":82}]}],"statement":"INSERT INTO webhook_delivery (network, delivery_id) VALUES (:network!, :deliveryId!) ON CONFLICT DO NOTHING                                                                                              "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO webhook_delivery (network, delivery_id) VALUES (:network!, :deliveryId!) ON CONFLICT DO NOTHING                                                                                              
 * ```
 */
export const rememberDelivery = new PreparedQuery<IRememberDeliveryParams,IRememberDeliveryResult>(rememberDeliveryIR);


/** 'ReceivingChannels' parameters type */
export interface IReceivingChannelsParams {
  externalIds: stringArray;
  network: string;
}

/** 'ReceivingChannels' return type */
export interface IReceivingChannelsResult {
  externalId: string;
  id: string;
}

/** 'ReceivingChannels' query type */
export interface IReceivingChannelsQuery {
  params: IReceivingChannelsParams;
  result: IReceivingChannelsResult;
}

const receivingChannelsIR: any = {"usedParamSet":{"network":true,"externalIds":true},"params":[{"name":"network","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":85}]},{"name":"externalIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":134,"b":146}]}],"statement":"SELECT id, external_id AS \"externalId\" FROM channel_account\n WHERE network = :network! AND status = 'connected' AND external_id = ANY(:externalIds!::text[])"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, external_id AS "externalId" FROM channel_account
 *  WHERE network = :network! AND status = 'connected' AND external_id = ANY(:externalIds!::text[])
 * ```
 */
export const receivingChannels = new PreparedQuery<IReceivingChannelsParams,IReceivingChannelsResult>(receivingChannelsIR);



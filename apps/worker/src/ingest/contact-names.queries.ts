/** Types generated for queries found in "apps/worker/src/ingest/contact-names.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type stringArray = (string)[];

/** 'NamedContacts' parameters type */
export interface INamedContactsParams {
  channelId: string;
  externalIds: stringArray;
}

/** 'NamedContacts' return type */
export interface INamedContactsResult {
  externalId: string;
}

/** 'NamedContacts' query type */
export interface INamedContactsQuery {
  params: INamedContactsParams;
  result: INamedContactsResult;
}

const namedContactsIR: any = {"usedParamSet":{"channelId":true,"externalIds":true},"params":[{"name":"channelId","required":true,"transform":{"type":"scalar"},"locs":[{"a":77,"b":87}]},{"name":"externalIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":111,"b":123}]}],"statement":"SELECT external_id AS \"externalId!\" FROM contact\n WHERE channel_account_id = :channelId! AND external_id = ANY(:externalIds!::text[]) AND name IS NOT NULL"};

/**
 * Query generated from SQL:
 * ```
 * SELECT external_id AS "externalId!" FROM contact
 *  WHERE channel_account_id = :channelId! AND external_id = ANY(:externalIds!::text[]) AND name IS NOT NULL
 * ```
 */
export const namedContacts = new PreparedQuery<INamedContactsParams,INamedContactsResult>(namedContactsIR);



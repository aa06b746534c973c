/** Types generated for queries found in "apps/api/src/contacts/contacts.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ContactInWorkspace' parameters type */
export interface IContactInWorkspaceParams {
  id: NumberOrString;
  workspaceId: string;
}

/** 'ContactInWorkspace' return type */
export interface IContactInWorkspaceResult {
  externalId: string;
  handle: string | null;
  id: string;
  name: string | null;
  network: string;
}

/** 'ContactInWorkspace' query type */
export interface IContactInWorkspaceQuery {
  params: IContactInWorkspaceParams;
  result: IContactInWorkspaceResult;
}

const contactInWorkspaceIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":175,"b":178}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":201,"b":213}]}],"statement":"SELECT c.id::text AS \"id!\", c.external_id AS \"externalId\", c.name, c.handle, ca.network\n  FROM contact c JOIN channel_account ca ON ca.id = c.channel_account_id\n WHERE c.id = :id! AND c.workspace_id = :workspaceId!                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT c.id::text AS "id!", c.external_id AS "externalId", c.name, c.handle, ca.network
 *   FROM contact c JOIN channel_account ca ON ca.id = c.channel_account_id
 *  WHERE c.id = :id! AND c.workspace_id = :workspaceId!                                                                                                   
 * ```
 */
export const contactInWorkspace = new PreparedQuery<IContactInWorkspaceParams,IContactInWorkspaceResult>(contactInWorkspaceIR);


/** 'ContactThreadIds' parameters type */
export interface IContactThreadIdsParams {
  contactId: NumberOrString;
  limit: NumberOrString;
  workspaceId: string;
}

/** 'ContactThreadIds' return type */
export interface IContactThreadIdsResult {
  id: string;
}

/** 'ContactThreadIds' query type */
export interface IContactThreadIdsQuery {
  params: IContactThreadIdsParams;
  result: IContactThreadIdsResult;
}

const contactThreadIdsIR: any = {"usedParamSet":{"workspaceId":true,"contactId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":65,"b":77}]},{"name":"contactId","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":108}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":160,"b":166}]}],"statement":"SELECT t.id::text AS \"id!\" FROM thread t\n WHERE t.workspace_id = :workspaceId! AND t.contact_id = :contactId!\n ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT t.id::text AS "id!" FROM thread t
 *  WHERE t.workspace_id = :workspaceId! AND t.contact_id = :contactId!
 *  ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit!
 * ```
 */
export const contactThreadIds = new PreparedQuery<IContactThreadIdsParams,IContactThreadIdsResult>(contactThreadIdsIR);



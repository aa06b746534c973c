/** Types generated for queries found in "apps/api/src/avatars/avatars.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ContactAvatarUrl' parameters type */
export interface IContactAvatarUrlParams {
  contactId: NumberOrString;
  workspaceId: string;
}

/** 'ContactAvatarUrl' return type */
export interface IContactAvatarUrlResult {
  avatarUrl: string | null;
}

/** 'ContactAvatarUrl' query type */
export interface IContactAvatarUrlQuery {
  params: IContactAvatarUrlParams;
  result: IContactAvatarUrlResult;
}

const contactAvatarUrlIR: any = {"usedParamSet":{"contactId":true,"workspaceId":true},"params":[{"name":"contactId","required":true,"transform":{"type":"scalar"},"locs":[{"a":57,"b":67}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":88,"b":100}]}],"statement":"SELECT avatar_url AS \"avatarUrl\" FROM contact WHERE id = :contactId! AND workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT avatar_url AS "avatarUrl" FROM contact WHERE id = :contactId! AND workspace_id = :workspaceId!
 * ```
 */
export const contactAvatarUrl = new PreparedQuery<IContactAvatarUrlParams,IContactAvatarUrlResult>(contactAvatarUrlIR);



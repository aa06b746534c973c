/** Types generated for queries found in "apps/api/src/saved-views/saved-views.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'ListSavedViews' parameters type */
export interface IListSavedViewsParams {
  userId: string;
  workspaceId: string;
}

/** 'ListSavedViews' return type */
export interface IListSavedViewsResult {
  filters: Json;
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  shared: boolean;
  sort: string;
  updatedAt: Date;
}

/** 'ListSavedViews' query type */
export interface IListSavedViewsQuery {
  params: IListSavedViewsParams;
  result: IListSavedViewsResult;
}

const listSavedViewsIR: any = {"usedParamSet":{"workspaceId":true,"userId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":206,"b":218}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":238,"b":245},{"a":284,"b":291}]}],"statement":"SELECT v.id, v.name, v.filters, v.sort, v.shared, v.owner_id AS \"ownerId\", u.name AS \"ownerName\", v.updated_at AS \"updatedAt\"\n  FROM saved_view v\n  JOIN users u ON u.id = v.owner_id\n WHERE v.workspace_id = :workspaceId! AND (v.owner_id = :userId! OR v.shared)\n ORDER BY v.owner_id <> :userId!, lower(v.name), v.id                                                "};

/**
 * Query generated from SQL:
 * ```
 * SELECT v.id, v.name, v.filters, v.sort, v.shared, v.owner_id AS "ownerId", u.name AS "ownerName", v.updated_at AS "updatedAt"
 *   FROM saved_view v
 *   JOIN users u ON u.id = v.owner_id
 *  WHERE v.workspace_id = :workspaceId! AND (v.owner_id = :userId! OR v.shared)
 *  ORDER BY v.owner_id <> :userId!, lower(v.name), v.id                                                
 * ```
 */
export const listSavedViews = new PreparedQuery<IListSavedViewsParams,IListSavedViewsResult>(listSavedViewsIR);


/** 'GetSavedView' parameters type */
export interface IGetSavedViewParams {
  id: string;
  userId: string;
  workspaceId: string;
}

/** 'GetSavedView' return type */
export interface IGetSavedViewResult {
  filters: Json;
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  shared: boolean;
  sort: string;
  updatedAt: Date;
}

/** 'GetSavedView' query type */
export interface IGetSavedViewQuery {
  params: IGetSavedViewParams;
  result: IGetSavedViewResult;
}

const getSavedViewIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"userId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":196,"b":199}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":222,"b":234}]},{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":254,"b":261}]}],"statement":"SELECT v.id, v.name, v.filters, v.sort, v.shared, v.owner_id AS \"ownerId\", u.name AS \"ownerName\", v.updated_at AS \"updatedAt\"\n  FROM saved_view v\n  JOIN users u ON u.id = v.owner_id\n WHERE v.id = :id! AND v.workspace_id = :workspaceId! AND (v.owner_id = :userId! OR v.shared)                                                                                                   "};

/**
 * Query generated from SQL:
 * ```
 * SELECT v.id, v.name, v.filters, v.sort, v.shared, v.owner_id AS "ownerId", u.name AS "ownerName", v.updated_at AS "updatedAt"
 *   FROM saved_view v
 *   JOIN users u ON u.id = v.owner_id
 *  WHERE v.id = :id! AND v.workspace_id = :workspaceId! AND (v.owner_id = :userId! OR v.shared)                                                                                                   
 * ```
 */
export const getSavedView = new PreparedQuery<IGetSavedViewParams,IGetSavedViewResult>(getSavedViewIR);


/** 'InsertSavedView' parameters type */
export interface IInsertSavedViewParams {
  filters: Json;
  name: string;
  ownerId: string;
  shared: boolean;
  sort: string;
  workspaceId: string;
}

/** 'InsertSavedView' return type */
export interface IInsertSavedViewResult {
  id: string;
}

/** 'InsertSavedView' query type */
export interface IInsertSavedViewQuery {
  params: IInsertSavedViewParams;
  result: IInsertSavedViewResult;
}

const insertSavedViewIR: any = {"usedParamSet":{"workspaceId":true,"ownerId":true,"name":true,"filters":true,"sort":true,"shared":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":85,"b":97}]},{"name":"ownerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":108}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":111,"b":116}]},{"name":"filters","required":true,"transform":{"type":"scalar"},"locs":[{"a":119,"b":127}]},{"name":"sort","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":142}]},{"name":"shared","required":true,"transform":{"type":"scalar"},"locs":[{"a":145,"b":152}]}],"statement":"INSERT INTO saved_view (workspace_id, owner_id, name, filters, sort, shared)\nVALUES (:workspaceId!, :ownerId!, :name!, :filters!::jsonb, :sort!, :shared!)\nON CONFLICT (owner_id, name) DO NOTHING\nRETURNING id                                                                                      "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO saved_view (workspace_id, owner_id, name, filters, sort, shared)
 * VALUES (:workspaceId!, :ownerId!, :name!, :filters!::jsonb, :sort!, :shared!)
 * ON CONFLICT (owner_id, name) DO NOTHING
 * RETURNING id                                                                                      
 * ```
 */
export const insertSavedView = new PreparedQuery<IInsertSavedViewParams,IInsertSavedViewResult>(insertSavedViewIR);


/** 'UpdateSavedView' parameters type */
export interface IUpdateSavedViewParams {
  filters?: Json | null | void;
  id: string;
  name?: string | null | void;
  ownerId: string;
  setFilters: boolean;
  setName: boolean;
  setShared: boolean;
  setSort: boolean;
  shared?: boolean | null | void;
  sort?: string | null | void;
  workspaceId: string;
}

/** 'UpdateSavedView' return type */
export interface IUpdateSavedViewResult {
  id: string;
}

/** 'UpdateSavedView' query type */
export interface IUpdateSavedViewQuery {
  params: IUpdateSavedViewParams;
  result: IUpdateSavedViewResult;
}

const updateSavedViewIR: any = {"usedParamSet":{"setName":true,"name":true,"setFilters":true,"filters":true,"setSort":true,"sort":true,"setShared":true,"shared":true,"id":true,"workspaceId":true,"ownerId":true},"params":[{"name":"setName","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":50}]},{"name":"name","required":false,"transform":{"type":"scalar"},"locs":[{"a":66,"b":70}]},{"name":"setFilters","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":131}]},{"name":"filters","required":false,"transform":{"type":"scalar"},"locs":[{"a":147,"b":154}]},{"name":"setSort","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":213}]},{"name":"sort","required":false,"transform":{"type":"scalar"},"locs":[{"a":229,"b":233}]},{"name":"setShared","required":true,"transform":{"type":"scalar"},"locs":[{"a":282,"b":292}]},{"name":"shared","required":false,"transform":{"type":"scalar"},"locs":[{"a":308,"b":314}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":380,"b":383}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":404,"b":416}]},{"name":"ownerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":433,"b":441}]}],"statement":"UPDATE saved_view\n   SET name = CASE WHEN :setName!::boolean THEN :name::text ELSE name END,\n       filters = CASE WHEN :setFilters!::boolean THEN :filters::jsonb ELSE filters END,\n       sort = CASE WHEN :setSort!::boolean THEN :sort::text ELSE sort END,\n       shared = CASE WHEN :setShared!::boolean THEN :shared::boolean ELSE shared END,\n       updated_at = now()\n WHERE id = :id! AND workspace_id = :workspaceId! AND owner_id = :ownerId!\nRETURNING id                                                                 "};

/**
 * Query generated from SQL:
 * ```
 * UPDATE saved_view
 *    SET name = CASE WHEN :setName!::boolean THEN :name::text ELSE name END,
 *        filters = CASE WHEN :setFilters!::boolean THEN :filters::jsonb ELSE filters END,
 *        sort = CASE WHEN :setSort!::boolean THEN :sort::text ELSE sort END,
 *        shared = CASE WHEN :setShared!::boolean THEN :shared::boolean ELSE shared END,
 *        updated_at = now()
 *  WHERE id = :id! AND workspace_id = :workspaceId! AND owner_id = :ownerId!
 * RETURNING id                                                                 
 * ```
 */
export const updateSavedView = new PreparedQuery<IUpdateSavedViewParams,IUpdateSavedViewResult>(updateSavedViewIR);


/** 'SavedViewNameTaken' parameters type */
export interface ISavedViewNameTakenParams {
  id: string;
  name: string;
  ownerId: string;
}

/** 'SavedViewNameTaken' return type */
export interface ISavedViewNameTakenResult {
  found: number;
}

/** 'SavedViewNameTaken' query type */
export interface ISavedViewNameTakenQuery {
  params: ISavedViewNameTakenParams;
  result: ISavedViewNameTakenResult;
}

const savedViewNameTakenIR: any = {"usedParamSet":{"ownerId":true,"name":true,"id":true},"params":[{"name":"ownerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":62}]},{"name":"name","required":true,"transform":{"type":"scalar"},"locs":[{"a":75,"b":80}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":95}]}],"statement":"SELECT 1 AS \"found!\" FROM saved_view WHERE owner_id = :ownerId! AND name = :name! AND id <> :id!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT 1 AS "found!" FROM saved_view WHERE owner_id = :ownerId! AND name = :name! AND id <> :id!
 * ```
 */
export const savedViewNameTaken = new PreparedQuery<ISavedViewNameTakenParams,ISavedViewNameTakenResult>(savedViewNameTakenIR);


/** 'DeleteSavedView' parameters type */
export interface IDeleteSavedViewParams {
  id: string;
  ownerId: string;
  workspaceId: string;
}

/** 'DeleteSavedView' return type */
export interface IDeleteSavedViewResult {
  id: string;
}

/** 'DeleteSavedView' query type */
export interface IDeleteSavedViewQuery {
  params: IDeleteSavedViewParams;
  result: IDeleteSavedViewResult;
}

const deleteSavedViewIR: any = {"usedParamSet":{"id":true,"workspaceId":true,"ownerId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":34,"b":37}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":58,"b":70}]},{"name":"ownerId","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":95}]}],"statement":"DELETE FROM saved_view WHERE id = :id! AND workspace_id = :workspaceId! AND owner_id = :ownerId! RETURNING id"};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM saved_view WHERE id = :id! AND workspace_id = :workspaceId! AND owner_id = :ownerId! RETURNING id
 * ```
 */
export const deleteSavedView = new PreparedQuery<IDeleteSavedViewParams,IDeleteSavedViewResult>(deleteSavedViewIR);



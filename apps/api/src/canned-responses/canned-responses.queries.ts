/** Types generated for queries found in "apps/api/src/canned-responses/canned-responses.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ListCannedResponses' parameters type */
export interface IListCannedResponsesParams {
  like?: string | null | void;
  limit: NumberOrString;
  workspaceId: string;
}

/** 'ListCannedResponses' return type */
export interface IListCannedResponsesResult {
  id: string;
  language: string | null;
  shortcut: string | null;
  text: string;
  title: string;
  updatedAt: Date;
}

/** 'ListCannedResponses' query type */
export interface IListCannedResponsesQuery {
  params: IListCannedResponsesParams;
  result: IListCannedResponsesResult;
}

const listCannedResponsesIR: any = {"usedParamSet":{"workspaceId":true,"like":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":115,"b":127}]},{"name":"like","required":false,"transform":{"type":"scalar"},"locs":[{"a":134,"b":138},{"a":169,"b":173},{"a":193,"b":197},{"a":213,"b":217}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":246,"b":252}]}],"statement":"SELECT id, title, text, shortcut, language, updated_at AS \"updatedAt\"\n  FROM canned_response\n WHERE workspace_id = :workspaceId! AND (:like::text IS NULL OR title ILIKE :like OR shortcut ILIKE :like OR text ILIKE :like)\n ORDER BY title, id LIMIT :limit!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, title, text, shortcut, language, updated_at AS "updatedAt"
 *   FROM canned_response
 *  WHERE workspace_id = :workspaceId! AND (:like::text IS NULL OR title ILIKE :like OR shortcut ILIKE :like OR text ILIKE :like)
 *  ORDER BY title, id LIMIT :limit!
 * ```
 */
export const listCannedResponses = new PreparedQuery<IListCannedResponsesParams,IListCannedResponsesResult>(listCannedResponsesIR);


/** 'GetCannedResponse' parameters type */
export interface IGetCannedResponseParams {
  id: string;
  workspaceId: string;
}

/** 'GetCannedResponse' return type */
export interface IGetCannedResponseResult {
  id: string;
  language: string | null;
  shortcut: string | null;
  text: string;
  title: string;
  updatedAt: Date;
}

/** 'GetCannedResponse' query type */
export interface IGetCannedResponseQuery {
  params: IGetCannedResponseParams;
  result: IGetCannedResponseResult;
}

const getCannedResponseIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":104,"b":107}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":128,"b":140}]}],"statement":"SELECT id, title, text, shortcut, language, updated_at AS \"updatedAt\"\n  FROM canned_response WHERE id = :id! AND workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT id, title, text, shortcut, language, updated_at AS "updatedAt"
 *   FROM canned_response WHERE id = :id! AND workspace_id = :workspaceId!
 * ```
 */
export const getCannedResponse = new PreparedQuery<IGetCannedResponseParams,IGetCannedResponseResult>(getCannedResponseIR);


/** 'InsertCannedResponse' parameters type */
export interface IInsertCannedResponseParams {
  createdBy: string;
  language?: string | null | void;
  shortcut?: string | null | void;
  text: string;
  title: string;
  workspaceId: string;
}

/** 'InsertCannedResponse' return type */
export interface IInsertCannedResponseResult {
  id: string;
  language: string | null;
  shortcut: string | null;
  text: string;
  title: string;
  updatedAt: Date;
}

/** 'InsertCannedResponse' query type */
export interface IInsertCannedResponseQuery {
  params: IInsertCannedResponseParams;
  result: IInsertCannedResponseResult;
}

const insertCannedResponseIR: any = {"usedParamSet":{"workspaceId":true,"title":true,"text":true,"shortcut":true,"language":true,"createdBy":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":96,"b":108}]},{"name":"title","required":true,"transform":{"type":"scalar"},"locs":[{"a":111,"b":117}]},{"name":"text","required":true,"transform":{"type":"scalar"},"locs":[{"a":120,"b":125}]},{"name":"shortcut","required":false,"transform":{"type":"scalar"},"locs":[{"a":128,"b":136}]},{"name":"language","required":false,"transform":{"type":"scalar"},"locs":[{"a":139,"b":147}]},{"name":"createdBy","required":true,"transform":{"type":"scalar"},"locs":[{"a":150,"b":160}]}],"statement":"INSERT INTO canned_response (workspace_id, title, text, shortcut, language, created_by)\nVALUES (:workspaceId!, :title!, :text!, :shortcut, :language, :createdBy!)\nRETURNING id, title, text, shortcut, language, updated_at AS \"updatedAt\"                                                                                                  "};

/**
 * Query generated from SQL:
 * ```
 * INSERT INTO canned_response (workspace_id, title, text, shortcut, language, created_by)
 * VALUES (:workspaceId!, :title!, :text!, :shortcut, :language, :createdBy!)
 * RETURNING id, title, text, shortcut, language, updated_at AS "updatedAt"                                                                                                  
 * ```
 */
export const insertCannedResponse = new PreparedQuery<IInsertCannedResponseParams,IInsertCannedResponseResult>(insertCannedResponseIR);


/** 'UpdateCannedResponse' parameters type */
export interface IUpdateCannedResponseParams {
  id: string;
  language?: string | null | void;
  setLanguage: boolean;
  setShortcut: boolean;
  setText: boolean;
  setTitle: boolean;
  shortcut?: string | null | void;
  text?: string | null | void;
  title?: string | null | void;
  workspaceId: string;
}

/** 'UpdateCannedResponse' return type */
export interface IUpdateCannedResponseResult {
  id: string;
  language: string | null;
  shortcut: string | null;
  text: string;
  title: string;
  updatedAt: Date;
}

/** 'UpdateCannedResponse' query type */
export interface IUpdateCannedResponseQuery {
  params: IUpdateCannedResponseParams;
  result: IUpdateCannedResponseResult;
}

const updateCannedResponseIR: any = {"usedParamSet":{"setTitle":true,"title":true,"setText":true,"text":true,"setShortcut":true,"shortcut":true,"setLanguage":true,"language":true,"id":true,"workspaceId":true},"params":[{"name":"setTitle","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":57}]},{"name":"title","required":false,"transform":{"type":"scalar"},"locs":[{"a":73,"b":78}]},{"name":"setText","required":true,"transform":{"type":"scalar"},"locs":[{"a":126,"b":134}]},{"name":"text","required":false,"transform":{"type":"scalar"},"locs":[{"a":150,"b":154}]},{"name":"setShortcut","required":true,"transform":{"type":"scalar"},"locs":[{"a":205,"b":217}]},{"name":"shortcut","required":false,"transform":{"type":"scalar"},"locs":[{"a":233,"b":241}]},{"name":"setLanguage","required":true,"transform":{"type":"scalar"},"locs":[{"a":296,"b":308}]},{"name":"language","required":false,"transform":{"type":"scalar"},"locs":[{"a":324,"b":332}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":397,"b":400}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":421,"b":433}]}],"statement":"UPDATE canned_response\n   SET title = CASE WHEN :setTitle!::boolean THEN :title::text ELSE title END,\n       text = CASE WHEN :setText!::boolean THEN :text::text ELSE text END,\n       shortcut = CASE WHEN :setShortcut!::boolean THEN :shortcut::text ELSE shortcut END,\n       language = CASE WHEN :setLanguage!::boolean THEN :language::text ELSE language END,\n       updated_at = now()\n WHERE id = :id! AND workspace_id = :workspaceId!\nRETURNING id, title, text, shortcut, language, updated_at AS \"updatedAt\""};

/**
 * Query generated from SQL:
 * ```
 * UPDATE canned_response
 *    SET title = CASE WHEN :setTitle!::boolean THEN :title::text ELSE title END,
 *        text = CASE WHEN :setText!::boolean THEN :text::text ELSE text END,
 *        shortcut = CASE WHEN :setShortcut!::boolean THEN :shortcut::text ELSE shortcut END,
 *        language = CASE WHEN :setLanguage!::boolean THEN :language::text ELSE language END,
 *        updated_at = now()
 *  WHERE id = :id! AND workspace_id = :workspaceId!
 * RETURNING id, title, text, shortcut, language, updated_at AS "updatedAt"
 * ```
 */
export const updateCannedResponse = new PreparedQuery<IUpdateCannedResponseParams,IUpdateCannedResponseResult>(updateCannedResponseIR);


/** 'DeleteCannedResponse' parameters type */
export interface IDeleteCannedResponseParams {
  id: string;
  workspaceId: string;
}

/** 'DeleteCannedResponse' return type */
export interface IDeleteCannedResponseResult {
  id: string;
}

/** 'DeleteCannedResponse' query type */
export interface IDeleteCannedResponseQuery {
  params: IDeleteCannedResponseParams;
  result: IDeleteCannedResponseResult;
}

const deleteCannedResponseIR: any = {"usedParamSet":{"id":true,"workspaceId":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":42}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":63,"b":75}]}],"statement":"DELETE FROM canned_response WHERE id = :id! AND workspace_id = :workspaceId! RETURNING id                                                                                                                               "};

/**
 * Query generated from SQL:
 * ```
 * DELETE FROM canned_response WHERE id = :id! AND workspace_id = :workspaceId! RETURNING id                                                                                                                               
 * ```
 */
export const deleteCannedResponse = new PreparedQuery<IDeleteCannedResponseParams,IDeleteCannedResponseResult>(deleteCannedResponseIR);


/** 'CannedRenderContext' parameters type */
export interface ICannedRenderContextParams {
  id: string;
  threadId: NumberOrString;
  workspaceId: string;
}

/** 'CannedRenderContext' return type */
export interface ICannedRenderContextResult {
  channelName: string | null;
  contactHandle: string | null;
  contactName: string | null;
  network: string | null;
  text: string;
}

/** 'CannedRenderContext' query type */
export interface ICannedRenderContextQuery {
  params: ICannedRenderContextParams;
  result: ICannedRenderContextResult;
}

const cannedRenderContextIR: any = {"usedParamSet":{"threadId":true,"workspaceId":true,"id":true},"params":[{"name":"threadId","required":true,"transform":{"type":"scalar"},"locs":[{"a":188,"b":197}]},{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":220,"b":232},{"a":384,"b":396}]},{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":357,"b":360}]}],"statement":"SELECT cr.text, c.name AS \"contactName?\", c.handle AS \"contactHandle?\", ca.display_name AS \"channelName?\", t.network AS \"network?\"\n  FROM canned_response cr\n  LEFT JOIN thread t ON t.id = :threadId! AND t.workspace_id = :workspaceId!\n  LEFT JOIN contact c ON c.id = t.contact_id\n  LEFT JOIN channel_account ca ON ca.id = t.channel_account_id\n WHERE cr.id = :id! AND cr.workspace_id = :workspaceId!"};

/**
 * Query generated from SQL:
 * ```
 * SELECT cr.text, c.name AS "contactName?", c.handle AS "contactHandle?", ca.display_name AS "channelName?", t.network AS "network?"
 *   FROM canned_response cr
 *   LEFT JOIN thread t ON t.id = :threadId! AND t.workspace_id = :workspaceId!
 *   LEFT JOIN contact c ON c.id = t.contact_id
 *   LEFT JOIN channel_account ca ON ca.id = t.channel_account_id
 *  WHERE cr.id = :id! AND cr.workspace_id = :workspaceId!
 * ```
 */
export const cannedRenderContext = new PreparedQuery<ICannedRenderContextParams,ICannedRenderContextResult>(cannedRenderContextIR);



/** Types generated for queries found in "apps/worker/src/ingest/reviewed-texts.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'ReviewedTextsVersion' parameters type */
export interface IReviewedTextsVersionParams {
  workspaceId: string;
}

/** 'ReviewedTextsVersion' return type */
export interface IReviewedTextsVersionResult {
  version: string;
}

/** 'ReviewedTextsVersion' query type */
export interface IReviewedTextsVersionQuery {
  params: IReviewedTextsVersionParams;
  result: IReviewedTextsVersionResult;
}

const reviewedTextsVersionIR: any = {"usedParamSet":{"workspaceId":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":76,"b":88},{"a":190,"b":202}]}],"statement":"SELECT COALESCE((SELECT max(id) FROM intent_correction WHERE workspace_id = :workspaceId!), 0)::text || '/'\n       || COALESCE((SELECT max(id) FROM sentiment_correction WHERE workspace_id = :workspaceId!), 0)::text AS \"version!\"                                                                                                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT COALESCE((SELECT max(id) FROM intent_correction WHERE workspace_id = :workspaceId!), 0)::text || '/'
 *        || COALESCE((SELECT max(id) FROM sentiment_correction WHERE workspace_id = :workspaceId!), 0)::text AS "version!"                                                                                                                                                                                                         
 * ```
 */
export const reviewedTextsVersion = new PreparedQuery<IReviewedTextsVersionParams,IReviewedTextsVersionResult>(reviewedTextsVersionIR);


/** 'ReviewedTexts' parameters type */
export interface IReviewedTextsParams {
  limit: NumberOrString;
  workspaceId: string;
}

/** 'ReviewedTexts' return type */
export interface IReviewedTextsResult {
  band: string | null;
  intent: string | null;
  text: string;
}

/** 'ReviewedTexts' query type */
export interface IReviewedTextsQuery {
  params: IReviewedTextsParams;
  result: IReviewedTextsResult;
}

const reviewedTextsIR: any = {"usedParamSet":{"workspaceId":true,"limit":true},"params":[{"name":"workspaceId","required":true,"transform":{"type":"scalar"},"locs":[{"a":148,"b":160},{"a":269,"b":281},{"a":708,"b":720}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":345,"b":351}]}],"statement":"WITH reviewed AS (\n  SELECT message_id, max(created_at) AS last\n    FROM (SELECT message_id, created_at FROM intent_correction WHERE workspace_id = :workspaceId!\n          UNION ALL\n          SELECT message_id, created_at FROM sentiment_correction WHERE workspace_id = :workspaceId!) c\n   GROUP BY message_id ORDER BY max(created_at) DESC LIMIT :limit!\n)\nSELECT m.text AS \"text!\",\n       (SELECT c.intent FROM intent_correction c WHERE c.message_id = r.message_id ORDER BY c.id DESC LIMIT 1) AS intent,\n       (SELECT c.sentiment FROM sentiment_correction c WHERE c.message_id = r.message_id ORDER BY c.id DESC LIMIT 1) AS band\n  FROM reviewed r JOIN message m ON m.id = r.message_id\n WHERE m.workspace_id = :workspaceId! AND m.text <> ''\n ORDER BY r.last"};

/**
 * Query generated from SQL:
 * ```
 * WITH reviewed AS (
 *   SELECT message_id, max(created_at) AS last
 *     FROM (SELECT message_id, created_at FROM intent_correction WHERE workspace_id = :workspaceId!
 *           UNION ALL
 *           SELECT message_id, created_at FROM sentiment_correction WHERE workspace_id = :workspaceId!) c
 *    GROUP BY message_id ORDER BY max(created_at) DESC LIMIT :limit!
 * )
 * SELECT m.text AS "text!",
 *        (SELECT c.intent FROM intent_correction c WHERE c.message_id = r.message_id ORDER BY c.id DESC LIMIT 1) AS intent,
 *        (SELECT c.sentiment FROM sentiment_correction c WHERE c.message_id = r.message_id ORDER BY c.id DESC LIMIT 1) AS band
 *   FROM reviewed r JOIN message m ON m.id = r.message_id
 *  WHERE m.workspace_id = :workspaceId! AND m.text <> ''
 *  ORDER BY r.last
 * ```
 */
export const reviewedTexts = new PreparedQuery<IReviewedTextsParams,IReviewedTextsResult>(reviewedTextsIR);



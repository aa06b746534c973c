/** Types generated for queries found in "libs/db/src/replication.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'PrimaryWalPosition' parameters type */
export type IPrimaryWalPositionParams = void;

/** 'PrimaryWalPosition' return type */
export interface IPrimaryWalPositionResult {
  lsn: string;
}

/** 'PrimaryWalPosition' query type */
export interface IPrimaryWalPositionQuery {
  params: IPrimaryWalPositionParams;
  result: IPrimaryWalPositionResult;
}

const primaryWalPositionIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT pg_current_wal_lsn()::text AS \"lsn!\"                                                                                                                         "};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_current_wal_lsn()::text AS "lsn!"                                                                                                                         
 * ```
 */
export const primaryWalPosition = new PreparedQuery<IPrimaryWalPositionParams,IPrimaryWalPositionResult>(primaryWalPositionIR);


/** 'StandbyReplayPosition' parameters type */
export type IStandbyReplayPositionParams = void;

/** 'StandbyReplayPosition' return type */
export interface IStandbyReplayPositionResult {
  lsn: string | null;
  standby: boolean;
}

/** 'StandbyReplayPosition' query type */
export interface IStandbyReplayPositionQuery {
  params: IStandbyReplayPositionParams;
  result: IStandbyReplayPositionResult;
}

const standbyReplayPositionIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT pg_is_in_recovery() AS \"standby!\", pg_last_wal_replay_lsn()::text AS \"lsn\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT pg_is_in_recovery() AS "standby!", pg_last_wal_replay_lsn()::text AS "lsn"
 * ```
 */
export const standbyReplayPosition = new PreparedQuery<IStandbyReplayPositionParams,IStandbyReplayPositionResult>(standbyReplayPositionIR);



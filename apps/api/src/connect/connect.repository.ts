import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import {
  consumeState,
  deleteOldFlows,
  existingChannelsOf,
  failFlow,
  finishFlow,
  flowById,
  forgetExpiredSecrets,
  insertFlow,
  lockPickingFlow,
  pendingFlow,
  reconnectableChannel,
  startPicking,
  upsertPickedChannel,
  type IExistingChannelsOfResult,
  type IFlowByIdResult,
  type ILockPickingFlowResult,
  type IPendingFlowResult,
  type IInsertFlowParams,
  type IUpsertPickedChannelParams,
} from './connect.queries';

/** Who a flow belongs to: only this session of this user of this workspace may continue it. */
export interface FlowOwner {
  workspaceId: string;
  userId: string;
  sessionId: string;
}

/** All SQL of the dashboard's connect flow (connect.sql, typed by pgTyped in connect.queries.ts). */
@Injectable()
export class ConnectRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async isReconnectable(workspaceId: string, network: string, channelId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await reconnectableChannel.run({ workspaceId, network, id: channelId }, sqlClient(db))).length > 0;
  }

  /** Expired flows lose their secrets; their rows go an hour after they expired. */
  async purgeExpired(db: Queryable = this.dataSource): Promise<void> {
    await deleteOldFlows.run(undefined, sqlClient(db));
    await forgetExpiredSecrets.run(undefined, sqlClient(db));
  }

  async insert(flow: IInsertFlowParams, db: Queryable = this.dataSource): Promise<void> {
    await insertFlow.run(flow, sqlClient(db));
  }

  async byId(id: string, db: Queryable = this.dataSource): Promise<IFlowByIdResult | undefined> {
    const [row] = await flowById.run({ id }, sqlClient(db));
    return row;
  }

  /** Consumes the flow's state: undefined when it was used already, else whether it was still fresh. */
  async consumeState(id: string, db: Queryable = this.dataSource): Promise<{ fresh: boolean } | undefined> {
    const [row] = await consumeState.run({ id }, sqlClient(db));
    return row;
  }

  async startPicking(id: string, accountsJson: string, credentialsEncrypted: string, ttlMs: number, db: Queryable = this.dataSource): Promise<void> {
    await startPicking.run({ id, accounts: accountsJson, credentialsEncrypted, ttlMs }, sqlClient(db));
  }

  async fail(id: string, reason: string, db: Queryable = this.dataSource): Promise<void> {
    await failFlow.run({ id, reason }, sqlClient(db));
  }

  async pending(owner: FlowOwner, id: string, db: Queryable = this.dataSource): Promise<IPendingFlowResult | undefined> {
    const [row] = await pendingFlow.run({ ...owner, id }, sqlClient(db));
    return row;
  }

  existingChannels(workspaceId: string, network: string, externalIds: string[], db: Queryable = this.dataSource): Promise<IExistingChannelsOfResult[]> {
    return existingChannelsOf.run({ workspaceId, network, externalIds }, sqlClient(db));
  }

  /** The picking flow with its credentials, locked until the transaction ends. */
  async lockPicking(owner: FlowOwner, id: string, db: Queryable): Promise<ILockPickingFlowResult | undefined> {
    const [row] = await lockPickingFlow.run({ ...owner, id }, sqlClient(db));
    return row;
  }

  /** Creates the picked channel or reconnects the existing one; its id and whether it is new. */
  async upsertChannel(channel: IUpsertPickedChannelParams, db: Queryable): Promise<{ id: string; inserted: boolean }> {
    const [row] = await upsertPickedChannel.run(channel, sqlClient(db));
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return row;
  }

  async finish(id: string, db: Queryable = this.dataSource): Promise<void> {
    await finishFlow.run({ id }, sqlClient(db));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { deliverySeen, receivingChannels, rememberDelivery, type IReceivingChannelsResult } from './webhooks.queries';

/** All SQL of webhook deliveries (webhooks.sql, typed by pgTyped in webhooks.queries.ts). */
@Injectable()
export class WebhooksRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async seen(network: string, deliveryId: string, db: Queryable = this.dataSource): Promise<boolean> {
    return (await deliverySeen.run({ network, deliveryId }, sqlClient(db))).length > 0;
  }

  async remember(network: string, deliveryId: string, db: Queryable = this.dataSource): Promise<void> {
    await rememberDelivery.run({ network, deliveryId }, sqlClient(db));
  }

  /** The network's connected channels with these external ids. */
  connectedChannels(network: string, externalIds: string[], db: Queryable = this.dataSource): Promise<IReceivingChannelsResult[]> {
    return receivingChannels.run({ network, externalIds }, sqlClient(db));
  }
}

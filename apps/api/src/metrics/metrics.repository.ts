import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient } from '@resonance/db';
import * as q from './metrics.queries';

/** The SQL behind the operators' gauges (metrics.sql, typed by pgTyped in metrics.queries.ts). */
@Injectable()
export class MetricsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  connectedChannels(): Promise<q.IConnectedChannelGaugesResult[]> {
    return q.connectedChannelGauges.run(undefined, sqlClient(this.dataSource));
  }

  channelStatusCounts(): Promise<q.IChannelStatusCountsResult[]> {
    return q.channelStatusCounts.run(undefined, sqlClient(this.dataSource));
  }
}

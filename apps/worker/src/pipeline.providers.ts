import type { Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import { ConnectorRegistry, createConnectorRegistry } from '@resonance/connectors';
import { CredentialsCipher } from '@resonance/db';
import { QueueName } from '@resonance/queue';
import { ChannelAccess } from './channels/channel-access';
import { ContactNames } from './ingest/contact-names';
import { IngestStore } from './ingest/ingest-store';
import { OutboundProcessor } from './outbound/outbound.processor';
import { ModerationRunner } from './outbound/moderation-runner';
import { OutboundRecovery } from './outbound/outbound-recovery';
import { OutboundSender } from './outbound/outbound-sender';
import { queueRuleWork } from './rules/rule-jobs';
import { SyncProcessor } from './sync/sync.processor';
import { SyncRunner } from './sync/sync-runner';
import { SyncScheduler } from './sync/sync-scheduler';

/**
 * The ingestion pipeline of the worker: connectors (the registry throws at startup when a network
 * has none), channel credentials, sync runs and their schedules, and outbound replies.
 */
export function pipelineProviders(config: Config): Provider[] {
  return [
    { provide: ConnectorRegistry, useFactory: () => createConnectorRegistry(config) },
    {
      provide: IngestStore,
      useFactory: (ds: DataSource, outbound: Queue) => new IngestStore(ds, { onRuleWork: (work) => queueRuleWork(outbound, work) }),
      inject: [DataSource, getQueueToken(QueueName.Outbound)],
    },
    {
      provide: ChannelAccess,
      useFactory: (ds: DataSource, registry: ConnectorRegistry) => new ChannelAccess(ds, CredentialsCipher.fromConfig(config), registry),
      inject: [DataSource, ConnectorRegistry],
    },
    {
      provide: SyncRunner,
      useFactory: (ds: DataSource, store: IngestStore, access: ChannelAccess, registry: ConnectorRegistry) =>
        new SyncRunner(ds, store, access, registry, config),
      inject: [DataSource, IngestStore, ChannelAccess, ConnectorRegistry],
    },
    {
      provide: ContactNames,
      useFactory: (ds: DataSource, access: ChannelAccess, registry: ConnectorRegistry) => new ContactNames(ds, access, registry),
      inject: [DataSource, ChannelAccess, ConnectorRegistry],
    },
    SyncScheduler,
    SyncProcessor,
    {
      provide: OutboundSender,
      useFactory: (ds: DataSource, access: ChannelAccess, registry: ConnectorRegistry) => new OutboundSender(ds, access, registry, config),
      inject: [DataSource, ChannelAccess, ConnectorRegistry],
    },
    {
      provide: ModerationRunner,
      useFactory: (ds: DataSource, access: ChannelAccess, registry: ConnectorRegistry) => new ModerationRunner(ds, access, registry, config),
      inject: [DataSource, ChannelAccess, ConnectorRegistry],
    },
    OutboundProcessor,
    OutboundRecovery,
  ];
}

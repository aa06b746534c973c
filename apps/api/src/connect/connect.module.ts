import { Module } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { ConnectorRegistry, createConnectorRegistry } from '@resonance/connectors';
import { ChannelsModule } from '../channels/channels.module';
import { ConnectController, OAuthCallbackController } from './connect.controller';
import { ConnectRepository } from './connect.repository';
import { ConnectService } from './connect.service';

/** The dashboard's connect flow: start, the networks' OAuth callback, the account picker. */
@Module({
  imports: [ChannelsModule],
  controllers: [ConnectController, OAuthCallbackController],
  providers: [
    ConnectService,
    ConnectRepository,
    { provide: ConnectorRegistry, useFactory: (config: Config) => createConnectorRegistry(config), inject: [CONFIG] },
  ],
})
export class ConnectModule {}

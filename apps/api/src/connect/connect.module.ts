import { Module } from '@nestjs/common';
import { CONFIG, type Config } from '@resonance/config';
import { ConnectorRegistry, createConnectorRegistry } from '@resonance/connectors';
import { ConnectController, OAuthCallbackController } from './connect.controller';
import { ConnectService } from './connect.service';

/** The dashboard's connect flow: start, the networks' OAuth callback, the account picker. */
@Module({
  controllers: [ConnectController, OAuthCallbackController],
  providers: [ConnectService, { provide: ConnectorRegistry, useFactory: (config: Config) => createConnectorRegistry(config), inject: [CONFIG] }],
})
export class ConnectModule {}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthProbes } from './health.probes';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [HealthProbes] })
export class HealthModule {}

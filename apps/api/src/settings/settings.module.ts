import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { SettingsController } from './settings.controller';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';

@Module({ imports: [SlaModule], controllers: [SettingsController], providers: [SettingsService, SettingsRepository] })
export class SettingsModule {}

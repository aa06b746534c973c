import { Module } from '@nestjs/common';
import { AvatarsController } from './avatars.controller';
import { AvatarsRepository } from './avatars.repository';
import { AvatarsService } from './avatars.service';

@Module({ controllers: [AvatarsController], providers: [AvatarsService, AvatarsRepository] })
export class AvatarsModule {}

import { Module } from '@nestjs/common';
import { ExpiredRowsPurge } from './expired-rows-purge';

/** The scheduled clean-up of sessions and rate-limit counters (the middlewares are applied in applySecurity). */
@Module({ providers: [ExpiredRowsPurge] })
export class SecurityModule {}

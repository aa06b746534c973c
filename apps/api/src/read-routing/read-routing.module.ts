import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/** Read-your-writes for the read replica: every request's ReadContext (read-your-writes.interceptor.ts). */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
})
export class ReadRoutingModule {}

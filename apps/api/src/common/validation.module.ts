import { Module, ValidationPipe } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { StorableTextPipe } from '../security/storable-text.pipe';

/**
 * Every body and query is validated against its DTO: unknown fields are refused (not silently
 * dropped), values are converted to the declared types, and the 400 body lists each problem.
 */
@Module({
  providers: [
    // Text PostgreSQL cannot store (NUL, unpaired surrogates) is a 400, not a 500 mid-write.
    { provide: APP_PIPE, useClass: StorableTextPipe },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        transformOptions: { enableImplicitConversion: false },
        stopAtFirstError: false,
      }),
    },
  ],
})
export class ValidationModule {}

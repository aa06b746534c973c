import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AttemptThrottle } from './attempt-throttle';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { LoginThrottleRepository } from './login-throttle.repository';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';
import { SignInPassword } from './sign-in-password';
import { UsersRepository } from '../users/users.repository';

/** Sign-in, sessions and the guard every other feature's routes use (global, so no module imports it). */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionService,
    SessionsRepository,
    AttemptThrottle,
    LoginThrottle,
    LoginThrottleRepository,
    SignInPassword,
    SessionGuard,
    UsersRepository,
  ],
  // UsersRepository: the users table is read at sign-in here and managed in UsersModule.
  exports: [SessionService, SessionGuard, UsersRepository],
})
export class AuthModule {}

import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AttemptThrottle } from './attempt-throttle';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';
import { SignInPassword } from './sign-in-password';

/** Sign-in, sessions and the guard every other feature's routes use (global, so no module imports it). */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [AuthService, SessionService, AttemptThrottle, LoginThrottle, SignInPassword, SessionGuard],
  exports: [SessionService, SessionGuard],
})
export class AuthModule {}

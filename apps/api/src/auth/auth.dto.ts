import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, type ChangePasswordRequest, type LoginRequest, type SessionView as WireSessionView } from '@resonance/contracts';
import { UserView } from '../users/user.view';

export { PASSWORD_MAX, PASSWORD_MIN };

export class LoginBody implements LoginRequest {
  @ApiProperty({ example: 'agent@demo.local' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'resonance' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX)
  password!: string;
}

export class ChangePasswordBody implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX) currentPassword!: string;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) newPassword!: string;
}

export class SessionView implements WireSessionView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ description: 'Send as the X-CSRF-Token header on every POST/PUT/PATCH/DELETE (also in the resonance_csrf cookie)' })
  csrfToken!: string;
}

import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type CreateUserRequest, type InvitedUser, type InviteRequest, type UpdateUserRequest, type UserRole } from '@resonance/contracts';
import { AccessLinkCreatedView } from '../access-links/access-links.dto';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/auth.dto';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';
import { AbsentOrValid } from '../common/absent-or-valid';
import { UserView } from './user.view';
import { UsersService } from './users.service';

export class CreateUserBody implements CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES) role!: UserRole;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) password!: string;
}

export class InviteUserBody implements InviteRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MaxLength(200) @Matches(/\S/, { message: 'name must not be empty' }) name!: string;
  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES) role!: UserRole;
}

export class InvitedUserView implements InvitedUser {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ type: AccessLinkCreatedView }) link!: AccessLinkCreatedView;
}

export class UpdateUserBody implements UpdateUserRequest {
  @ApiPropertyOptional() @AbsentOrValid() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: USER_ROLES }) @AbsentOrValid() @IsIn(USER_ROLES) role?: UserRole;
  @ApiPropertyOptional({ description: 'false signs the user out everywhere and blocks sign-in' }) @AbsentOrValid() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: PASSWORD_MIN, description: 'sets a new password and signs the user out everywhere' })
  @AbsentOrValid()
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password?: string;
}

@ApiTags('users')
@Controller('users')
@Authenticated(...ADMINS)
@ApiNotFoundResponse({ type: ErrorBody })
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: "The workspace's users (every role: for assignment and names)" })
  @ApiOkResponse({ type: [UserView] })
  list(@CurrentUser() user: AuthUser): Promise<UserView[]> {
    return this.users.list(user.workspaceId);
  }

  @Post('invites')
  @ApiOperation({ summary: 'Invite a user (admins): the user is created without a password; the answer holds the one-time link (valid 7 days) to hand over' })
  @ApiCreatedResponse({ type: InvitedUserView })
  @ApiConflictResponse({ type: ErrorBody, description: 'The e-mail address cannot be used (the same answer whichever workspace has it)' })
  invite(@CurrentUser() user: AuthUser, @Body() body: InviteUserBody): Promise<InvitedUserView> {
    return this.users.invite(user, body);
  }

  @Post(':id/access-link')
  @ApiOperation({
    summary: 'A new one-time link for the user (admins): an invitation while they have no password, else a password reset. Earlier unused links stop working.',
  })
  @ApiCreatedResponse({ type: AccessLinkCreatedView })
  accessLink(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<AccessLinkCreatedView> {
    return this.users.accessLink(user, id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a user with a password chosen by the admin (admins; kept for scripts — the dashboard invites instead)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ type: ErrorBody, description: 'The e-mail address cannot be used (the same answer whichever workspace has it)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserBody): Promise<UserView> {
    return this.users.create(user, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's name, role, active flag or password (admins; not the own role or active flag)" })
  @ApiOkResponse({ type: UserView })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: UpdateUserBody): Promise<UserView> {
    return this.users.update(user, id, body);
  }
}

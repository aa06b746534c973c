import { BadRequestException, Body, ConflictException, Controller, Get, Inject, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { USER_ROLES, type UserRole } from '@resonance/contracts';
import { hashPassword } from '@resonance/db';
import { AuditService } from '../audit/audit.service';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/auth.dto';
import { ADMINS, ALL_ROLES, type AuthUser } from '../auth/auth.types';
import { Authenticated, CurrentUser } from '../auth/decorators';
import { SessionService } from '../auth/session.service';
import { ErrorBody } from '../common/api-types';
import { UuidPipe } from '../common/ids';
import { USER_VIEW_COLUMNS, UserView } from './user.view';
import { AbsentOrValid } from '../common/absent-or-valid';

export class CreateUserBody {
  @ApiProperty() @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES) role!: UserRole;
  @ApiProperty({ minLength: PASSWORD_MIN }) @IsString() @MinLength(PASSWORD_MIN) @MaxLength(PASSWORD_MAX) password!: string;
}

export class UpdateUserBody {
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
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Get()
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The workspace\'s users (every role: for assignment and names)' })
  @ApiOkResponse({ type: [UserView] })
  list(@CurrentUser() user: AuthUser): Promise<UserView[]> {
    return this.dataSource.query(`SELECT ${USER_VIEW_COLUMNS} FROM users WHERE workspace_id = $1 ORDER BY name, id`, [user.workspaceId]);
  }

  @Post()
  @ApiOperation({ summary: 'Add a user (admins)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ type: ErrorBody, description: 'The e-mail address is taken' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreateUserBody): Promise<UserView> {
    const email = body.email.trim().toLowerCase();
    const rows = (await this.dataSource.query(
      `INSERT INTO users (workspace_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING ${USER_VIEW_COLUMNS}`,
      [user.workspaceId, email, body.name, body.role, await hashPassword(body.password)],
    )) as UserView[];
    if (!rows.length) throw new ConflictException(`a user with e-mail ${email} exists`);
    await this.audit.record({ workspaceId: user.workspaceId, actorUserId: user.id, action: 'user.create', targetType: 'user', targetId: rows[0].id, data: { role: body.role } });
    return rows[0];
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user\'s name, role, active flag or password (admins; not the own role or active flag)' })
  @ApiOkResponse({ type: UserView })
  async update(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: UpdateUserBody): Promise<UserView> {
    const changes: Record<string, unknown> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.role !== undefined) changes.role = body.role;
    if (body.active !== undefined) changes.active = body.active;
    if (body.password !== undefined) changes.password_hash = await hashPassword(body.password);
    const columns = Object.keys(changes);
    if (!columns.length) throw new BadRequestException('nothing to change');
    if (id === user.id && ((body.role !== undefined && body.role !== user.role) || body.active === false)) {
      throw new BadRequestException('admins cannot change their own role or deactivate themselves');
    }
    const rows = (await this.dataSource.query(
      `WITH u AS (UPDATE users SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = now()
                   WHERE id = $1 AND workspace_id = $2 RETURNING *)
       SELECT ${USER_VIEW_COLUMNS} FROM u`,
      [id, user.workspaceId, ...columns.map((c) => changes[c])],
    )) as UserView[];
    if (!rows.length) throw new NotFoundException(`user ${id} not found`);
    if (body.active === false || body.password !== undefined) await this.sessions.destroyForUser(id, id === user.id ? user.sessionId : undefined);
    await this.audit.record({
      workspaceId: user.workspaceId,
      actorUserId: user.id,
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      data: { ...body, password: body.password !== undefined ? '(changed)' : undefined },
    });
    return rows[0];
  }
}

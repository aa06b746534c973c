import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CONFIG, type Config } from '@resonance/config';
import { ErrorBody } from '../common/api-types';
import { clientIp, type HttpRequest, type HttpResponse } from '../common/http';
import { ChangePasswordBody, LoginBody, SessionView } from './auth.dto';
import { TooManyAttemptsException } from './attempt-throttle';
import { AuthService } from './auth.service';
import { ALL_ROLES, CSRF_COOKIE, SESSION_COOKIE, SESSION_MAX_MS, type AuthUser } from './auth.types';
import { buildCookie } from './cookies';
import { Authenticated, CurrentUser } from './decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private setCookies(res: HttpResponse, token: string, csrfToken: string, maxAgeSeconds: number) {
    const secure = this.config.PUBLIC_URL.startsWith('https:');
    res.setHeader('Set-Cookie', [
      buildCookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAgeSeconds }),
      buildCookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, maxAgeSeconds }),
    ]);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in; sets the httpOnly session cookie and answers with the user and the CSRF token. Rate-limited per client address, per account and client address (doubling delays) and per account.',
  })
  @ApiBody({ type: LoginBody })
  @ApiOkResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Wrong e-mail or password (or the user is deactivated)' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many failed attempts; Retry-After says when to try again' })
  async login(@Body() body: LoginBody, @Req() req: HttpRequest, @Res({ passthrough: true }) res: HttpResponse): Promise<SessionView> {
    // A cross-site form can post urlencoded bodies without CORS; JSON only closes login CSRF.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new UnsupportedMediaTypeException('send the body as application/json');
    }
    const { user, token, csrfToken } = await withRetryAfter(res, () =>
      this.auth.login({ email: body.email, password: body.password, ip: clientIp(req), userAgent: req.headers['user-agent'] }),
    );
    this.setCookies(res, token, csrfToken, Math.floor(SESSION_MAX_MS / 1000));
    return { user, csrfToken };
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'End this session and clear the cookies' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: HttpResponse): Promise<void> {
    await this.auth.logout(user);
    this.setCookies(res, '', '', 0);
  }

  @Get('me')
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'The signed-in user and the CSRF token of this session' })
  @ApiOkResponse({ type: SessionView })
  async me(@CurrentUser() user: AuthUser): Promise<SessionView> {
    return { user: await this.auth.me(user), csrfToken: user.csrfToken };
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated(...ALL_ROLES)
  @ApiOperation({ summary: 'Change the own password; ends every other session of the user. Wrong current passwords are rate-limited per user.' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many wrong current passwords; Retry-After says when to try again' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordBody, @Res({ passthrough: true }) res: HttpResponse): Promise<void> {
    await withRetryAfter(res, () => this.auth.changePassword(user, body.currentPassword, body.newPassword));
  }
}

/** Copies a throttle refusal's wait into the Retry-After header. */
async function withRetryAfter<T>(res: HttpResponse, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TooManyAttemptsException) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

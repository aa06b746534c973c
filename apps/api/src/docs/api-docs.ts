import type { ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Config } from '@resonance/config';
import { SESSION_COOKIE } from '../auth/auth.types';
import { readCookie } from '../auth/cookies';
import { SessionService } from '../auth/session.service';
import type { HttpRequest } from '../common/http';

export const API_DOCS_PATH = 'api/docs';

function refuse(res: ServerResponse, statusCode: 401 | 403, message: string): void {
  res.statusCode = statusCode;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ statusCode, message, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden' }));
}

/**
 * Swagger UI and the OpenAPI document (JSON and YAML), all below /api/docs so one check covers
 * them. API_DOCS=off mounts nothing (404); admins lets only a signed-in admin in, which is the
 * production default: the document maps every route an attacker could try.
 */
export function setupApiDocs(app: INestApplication, config: Pick<Config, 'API_DOCS'>): void {
  if (config.API_DOCS === 'off') return;
  if (config.API_DOCS === 'admins') {
    const sessions = app.get(SessionService);
    app.use(`/${API_DOCS_PATH}`, (req: HttpRequest, res: ServerResponse, next: (error?: unknown) => void) => {
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      (token ? sessions.resolve(token) : Promise.resolve(null))
        .then((user) => {
          if (!user) {
            refuse(res, 401, 'sign in as an admin to read the API documentation');
            return;
          }
          if (user.role !== 'admin') {
            refuse(res, 403, 'the API documentation is for admins only');
            return;
          }
          next();
        })
        .catch(next);
    });
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Resonance API')
      .setDescription('The unified social-media inbox and engagement dashboard')
      .setVersion('0.1.0')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup(API_DOCS_PATH, app, document, {
    jsonDocumentUrl: `${API_DOCS_PATH}/openapi.json`,
    yamlDocumentUrl: `${API_DOCS_PATH}/openapi.yaml`,
  });
}

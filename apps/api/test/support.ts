import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { MessageRecord } from '@resonance/contracts';
import { hashPassword, type User, type Workspace } from '@resonance/db';
import { makeUser } from '@resonance/testing';

export const PASSWORD = 'correct horse battery';
let hashed: Promise<string> | undefined;

/** A user who can sign in with PASSWORD. */
export async function makeLoginUser(ds: DataSource, workspace: Workspace, role: User['role'], email?: string): Promise<User> {
  hashed ??= hashPassword(PASSWORD);
  return makeUser(ds, workspace, { role, passwordHash: await hashed, ...(email ? { email } : {}) });
}

export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  cookie: string;
  user: { id: string; workspaceId: string };
}

/** Signs in through the API; the returned supertest agent keeps the cookie. */
export async function login(app: INestApplication, email: string, password = PASSWORD): Promise<Session> {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.post('/api/auth/login').send({ email, password }).expect(200);
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  return { agent, csrf: res.body.csrfToken, cookie, user: res.body.user };
}

let seq = 0;
export const comment = (over: Partial<MessageRecord> & { threadKey: string; text: string }): MessageRecord => ({
  kind: 'message',
  network: 'facebook',
  externalId: `ext-${Date.now().toString(36)}-${seq++}`,
  channel: 'comment',
  postExternalId: 'post-1',
  author: { externalId: `fan-${over.threadKey}`, name: `Fan ${over.threadKey}` },
  createdAt: new Date(Date.now() - 60_000 + seq).toISOString(),
  ...over,
});

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

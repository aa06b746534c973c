import type { DataSource } from 'typeorm';
import type { Network, UserRole } from '@resonance/contracts';
import { ChannelAccount, User, Workspace } from '@resonance/db';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeWorkspace(ds: DataSource, values: Partial<Workspace> = {}): Promise<Workspace> {
  const n = next();
  return ds.getRepository(Workspace).save({ name: `Workspace ${n}`, slug: `ws-${n}`, ...values });
}

export async function makeUser(ds: DataSource, workspace: Workspace, values: Partial<User> & { role?: UserRole } = {}): Promise<User> {
  const n = next();
  return ds.getRepository(User).save({
    workspaceId: workspace.id,
    email: `user-${n}@example.test`,
    name: `User ${n}`,
    role: 'agent',
    passwordHash: 'unusable',
    ...values,
  });
}

export async function makeChannel(ds: DataSource, workspace: Workspace, values: Partial<ChannelAccount> & { network?: Network } = {}): Promise<ChannelAccount> {
  const n = next();
  return ds.getRepository(ChannelAccount).save({
    workspaceId: workspace.id,
    network: 'facebook',
    externalId: `page-${n}`,
    displayName: `Page ${n}`,
    ...values,
  });
}

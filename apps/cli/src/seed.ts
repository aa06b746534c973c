import type { DataSource } from 'typeorm';
import type { Config } from '@resonance/config';
import type { Network, UserRole } from '@resonance/contracts';
import { CannedResponse, ChannelAccount, CredentialsCipher, hashPassword, User, Workspace } from '@resonance/db';
import { DEMO_ACCOUNTS } from '@resonance/sim';

export const DEMO_WORKSPACE_SLUG = 'demo';
/** The demo users' password: documented in the README, refused outside demo mode. */
export const DEMO_PASSWORD = 'resonance';
export const DEMO_USERS: Array<{ email: string; name: string; role: UserRole }> = [
  { email: 'admin@demo.local', name: 'Alex Admin', role: 'admin' },
  { email: 'agent@demo.local', name: 'Anna Agent', role: 'agent' },
  { email: 'analyst@demo.local', name: 'Paul Analyst', role: 'analyst' },
];

const CANNED: Array<Pick<CannedResponse, 'title' | 'text' | 'shortcut' | 'language'>> = [
  { title: 'Danke', text: 'Vielen Dank für Ihre Nachricht! Wir kümmern uns sofort darum.', shortcut: 'danke', language: 'de' },
  {
    title: 'Rabatt-Hinweis',
    text: 'Aktuelle Angebote finden Sie in unserem Shop unter „Aktionen“. Mit dem Code SOCIAL10 sparen Sie 10 %.',
    shortcut: 'rabatt',
    language: 'de',
  },
  {
    title: 'Bitte per DM',
    text: 'Damit wir Ihnen helfen können, schreiben Sie uns bitte eine Direktnachricht mit Ihrer Bestellnummer.',
    shortcut: 'dm',
    language: 'de',
  },
  { title: 'Thanks', text: 'Thanks for reaching out! We are on it.', shortcut: 'thanks', language: 'en' },
  { title: 'Please DM us', text: 'Please send us a direct message with your order number so we can help.', shortcut: 'dm-en', language: 'en' },
];

/**
 * Networks whose connector has landed: the demo connects a channel only where Resonance can really
 * sync it, so no channel is shown as working that is not. Each network's issue adds its name here.
 */
export const SEEDED_NETWORKS: Network[] = ['facebook', 'instagram', 'linkedin', 'youtube', 'xing', 'x'];

export interface SeedResult {
  created: boolean;
  workspaceId: string;
}

/**
 * Seeds the demo workspace: three users (admin, agent, analyst), canned responses, and a channel
 * account for each network in SEEDED_NETWORKS, connected to the sim's demo account. Idempotent: a second run changes nothing.
 */
export async function seedDemo(dataSource: DataSource, config: Config): Promise<SeedResult> {
  if (!config.DEMO_MODE) throw new Error('seed creates well-known demo passwords and runs only in demo mode (DEMO_MODE=true)');
  return dataSource.transaction(async (tx) => {
    const existing = await tx.getRepository(Workspace).findOneBy({ slug: DEMO_WORKSPACE_SLUG });
    if (existing) return { created: false, workspaceId: existing.id };

    const workspace = await tx.getRepository(Workspace).save({
      name: 'Resonance Demo GmbH',
      slug: DEMO_WORKSPACE_SLUG,
      timezone: 'Europe/Berlin',
      businessHours: Object.fromEntries(['1', '2', '3', '4', '5'].map((day) => [day, [['08:00', '18:00']]])),
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await tx.getRepository(User).save(DEMO_USERS.map((u) => ({ ...u, workspaceId: workspace.id, passwordHash })));

    const cipher = new CredentialsCipher(config.ENCRYPTION_KEY);
    await tx.getRepository(ChannelAccount).save(
      DEMO_ACCOUNTS.filter((account) => SEEDED_NETWORKS.includes(account.network)).map((account) => ({
        workspaceId: workspace.id,
        network: account.network,
        externalId: account.externalId,
        displayName: account.displayName,
        handle: account.handle,
        status: 'connected' as const,
        credentialsEncrypted: cipher.encrypt(account.credentials),
      })),
    );
    await tx.getRepository(CannedResponse).save(CANNED.map((c) => ({ ...c, workspaceId: workspace.id })));
    return { created: true, workspaceId: workspace.id };
  });
}

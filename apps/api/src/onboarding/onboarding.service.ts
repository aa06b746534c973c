import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OnboardingRequest, OnboardingResult } from '@resonance/contracts';
import { createFirstAdmin, hashPassword } from '@resonance/db';
import { OnboardingRepository } from './onboarding.repository';

export const ONBOARDING_DONE = 'this installation has its first admin already; sign in, or ask an admin for an invitation';

/**
 * The dashboard's one-time first run. The rule lives in createFirstAdmin (shared with `resonance
 * setup`): the first admin is created only while no user exists, under a lock, so it happens once.
 */
@Injectable()
export class OnboardingService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OnboardingRepository) private readonly onboarding: OnboardingRepository,
  ) {}

  async needed(): Promise<boolean> {
    return this.onboarding.needed();
  }

  async complete(input: OnboardingRequest & { ip: string }): Promise<OnboardingResult> {
    // Refused before the scrypt when the answer is known: a locked installation costs no hashing.
    if (!(await this.needed())) throw new ConflictException(ONBOARDING_DONE);
    const outcome = await createFirstAdmin(this.dataSource, {
      workspaceName: input.workspaceName,
      adminEmail: input.adminEmail,
      adminName: input.adminName,
      passwordHash: await hashPassword(input.password),
      via: 'onboarding',
      ip: input.ip,
    });
    if (outcome.kind !== 'created') throw new ConflictException(ONBOARDING_DONE);
    return { workspaceId: outcome.workspaceId, email: outcome.email };
  }
}

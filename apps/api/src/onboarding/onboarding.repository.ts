import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlClient, type Queryable } from '@resonance/db';
import { onboardingNeeded } from './onboarding.queries';

/** The SQL of the first run (onboarding.sql); creating the first admin is createFirstAdmin's (libs/db). */
@Injectable()
export class OnboardingRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Whether the installation has no user yet. */
  async needed(db: Queryable = this.dataSource): Promise<boolean> {
    const [row] = await onboardingNeeded.run(undefined, sqlClient(db));
    return row?.needed ?? false;
  }
}

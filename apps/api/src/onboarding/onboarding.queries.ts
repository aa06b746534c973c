/** Types generated for queries found in "apps/api/src/onboarding/onboarding.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'OnboardingNeeded' parameters type */
export type IOnboardingNeededParams = void;

/** 'OnboardingNeeded' return type */
export interface IOnboardingNeededResult {
  needed: boolean;
}

/** 'OnboardingNeeded' query type */
export interface IOnboardingNeededQuery {
  params: IOnboardingNeededParams;
  result: IOnboardingNeededResult;
}

const onboardingNeededIR: any = {"usedParamSet":{},"params":[],"statement":"SELECT NOT EXISTS (SELECT 1 FROM users) AS \"needed!\""};

/**
 * Query generated from SQL:
 * ```
 * SELECT NOT EXISTS (SELECT 1 FROM users) AS "needed!"
 * ```
 */
export const onboardingNeeded = new PreparedQuery<IOnboardingNeededParams,IOnboardingNeededResult>(onboardingNeededIR);



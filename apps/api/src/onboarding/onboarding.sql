/* The SQL of the first run (onboarding.repository.ts runs it; `npm run gen:sql` types it). */

/* @name OnboardingNeeded */
SELECT NOT EXISTS (SELECT 1 FROM users) AS "needed!";

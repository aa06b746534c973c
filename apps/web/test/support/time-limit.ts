/**
 * The time limit of a browser test that sets none (jest.config.ts: the apps/web project; 60 s
 * elsewhere). Each step has Playwright's own limit (30 s, with a call log naming the locator), so
 * Jest's limit is only the backstop, and it names nothing. A browser test is a chain of full page
 * loads against the real API, each parsing the dashboard's bundle; in a whole `npm test` (two Jest
 * workers on 2 cores, each browser file with its own Chromium, API and database; load average
 * 20–30) such tests took up to 50 s of the 60 s — security's avatar test 49.5 s loaded, 12 s alone —
 * so a busy machine failed them without a hint of which step was slow.
 */
jest.setTimeout(120_000);

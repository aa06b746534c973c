import { loadConfig, testServices, type Config } from '@resonance/config';
import { uniqueSuffix } from './database';

/** A validated Config for tests: its own queue prefix, quiet logs, the machine's Redis. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: testServices().redisUrl,
    QUEUE_PREFIX: `test-${uniqueSuffix()}`,
    ...overrides,
  });
}

import { loadConfig } from '@resonance/config';
import { REDACT_PATHS } from '@resonance/runtime';
import { leakedRedactPaths } from '@resonance/testing';
import { apiLoggerOptions } from './logger';

it('api logger: a secret at any of the shared redaction paths never reaches a log line', () => {
  expect(REDACT_PATHS.length).toBeGreaterThan(10);
  expect(leakedRedactPaths(apiLoggerOptions(loadConfig({ NODE_ENV: 'test' })), REDACT_PATHS)).toEqual([]);
});

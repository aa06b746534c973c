import { loadConfig } from '@resonance/config';
import { REDACT_PATHS } from '@resonance/runtime';
import { leakedRedactPaths } from '@resonance/testing';
import { loggerOptions } from './logger';

it('worker logger: a secret at any of the shared redaction paths never reaches a log line', () => {
  expect(leakedRedactPaths(loggerOptions(loadConfig({ NODE_ENV: 'test' }), 'worker'), REDACT_PATHS)).toEqual([]);
});

export { createTestDatabase, uniqueSuffix } from './database';
export type { TestDatabase } from './database';
export { testConfig } from './config';
export { makeWorkspace, makeUser, makeChannel } from './factories';
export { objectAtRedactPath, loggedLine, leakedRedactPaths } from './log-redaction';
export { startTestSmtpServer, decodeHeader } from './smtp';
export type { ReceivedMail, TestSmtpServer } from './smtp';
export { RedisRelay } from './redis-relay';

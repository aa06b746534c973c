import { oneOf, oneOfOrNull } from './narrow';

const STATUSES = ['open', 'pending', 'closed'] as const;

describe('oneOf (narrowing a text column to its union)', () => {
  it('answers a member of the union as that member', () => {
    const status: 'open' | 'pending' | 'closed' = oneOf(STATUSES, 'pending', 'thread.status');
    expect(status).toBe('pending');
  });

  it('refuses a value outside the union, naming the column and the allowed values', () => {
    expect(() => oneOf(STATUSES, 'archived', 'thread.status')).toThrow(
      'the database returned "archived" as thread.status, which is not one of open, pending, closed',
    );
  });

  it('oneOfOrNull passes NULL through and checks anything else', () => {
    expect(oneOfOrNull(STATUSES, null, 'thread.status')).toBeNull();
    expect(oneOfOrNull(STATUSES, 'closed', 'thread.status')).toBe('closed');
    expect(() => oneOfOrNull(STATUSES, '', 'thread.status')).toThrow(/thread.status/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * pgTyped statements cannot share fragments, and the inbox's sort orders and the MessageItem
 * statements are kept as separate statements on purpose (each is planned against its own index,
 * docs/data-layer.md). Their shared parts are copies, then: this keeps the copies equal, so that a
 * filter or a column added to one statement and forgotten in another fails here, not in the inbox.
 */
function statements(file: string): Map<string, string> {
  const sql = readFileSync(join(__dirname, file), 'utf8');
  const byName = new Map<string, string>();
  for (const match of sql.matchAll(/\/\* @name (\w+) \*\/\n([\s\S]*?);\n/g)) byName.set(match[1], match[2]);
  return byName;
}

/** The text from the line holding `from` through the line holding `to` (both included), whitespace folded. */
function between(statement: string, from: RegExp, to: RegExp): string {
  const lines = statement.split('\n');
  const start = lines.findIndex((l) => from.test(l));
  const end = lines.findIndex((l, i) => i >= start && to.test(l));
  if (start < 0 || end < 0) throw new Error(`no ${String(from)} … ${String(to)} in:\n${statement}`);
  return lines
    .slice(start, end + 1)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The selected columns, without the keyset cursor column only list statements have. */
function columns(statement: string): string {
  const list = statement.slice(statement.indexOf('SELECT'), statement.search(/\n\s*FROM /));
  return list
    .split('\n')
    .filter((l) => !l.includes('"_cursorAt!"'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/,\s*$/, '')
    .trim();
}

describe('copies of SQL that must stay equal', () => {
  it('the inbox lists (newest, oldest waiting, SLA due) select the same columns, filters and joins', () => {
    const sql = statements('threads/threads.sql');
    // The SLA-due order lists only threads that have a due time: its one filter of its own.
    const own: Record<string, string> = { ListThreadsBySlaDue: ' AND t.sla_due_at IS NOT NULL' };
    const lists = ['ListThreads', 'ListThreadsOldestWaiting', 'ListThreadsBySlaDue'].map((name) => {
      const statement = sql.get(name);
      if (!statement) throw new Error(`threads.sql has no ${name}`);
      const filters = between(statement, /WHERE t\.workspace_id = :workspaceId!/, /LIMIT 1\)\)$/);
      if (own[name] && !filters.includes(own[name])) throw new Error(`${name} lost its own filter${own[name]}`);
      return {
        name,
        columns: columns(statement),
        filters: filters.replace(own[name] ?? '\0', ''),
        joins: between(statement, /^\s*JOIN channel_account ca/, /LEFT JOIN users u ON u\.id = t\.assignee_id/),
      };
    });
    for (const list of lists.slice(1)) expect({ ...list, name: lists[0].name }).toEqual(lists[0]);
    expect(lists[0].filters).toContain(':needsReply!');
  });

  it('every MessageItem statement selects the same columns and joins', () => {
    const sql = statements('messages/messages.sql');
    const items = ['MessageItemsByIds', 'MessageItemsInIdRange', 'NewerMessageItemsByOthers', 'ThreadMessagePage'].map((name) => {
      const statement = sql.get(name);
      if (!statement) throw new Error(`messages.sql has no ${name}`);
      return { name, columns: columns(statement), joins: between(statement, /LEFT JOIN users au ON/, /\) sr ON true$/) };
    });
    for (const item of items.slice(1)) expect({ ...item, name: items[0].name }).toEqual(items[0]);
    expect(items[0].columns).toContain('"sentimentReviewByName?"');
  });
});

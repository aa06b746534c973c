import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runParse } from '../src/commands/parse';

const fixtures = join(__dirname, '..', '..', '..', 'libs', 'connectors', 'src', 'facebook', 'fixtures');

async function run(...argv: string[]): Promise<{ code: number; output: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runParse(argv, out);
  out.end();
  return { code, output: Buffer.concat(chunks).toString('utf8') };
}

describe('resonance parse', () => {
  it('prints one JSON record per line for a Facebook comments page', async () => {
    const { code, output } = await run('facebook', 'comments', join(fixtures, 'page-post-comments-stream-page1.json'));
    expect(code).toBe(0);
    const lines = output
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(11);
    expect(lines.filter((r) => r.kind === 'message')).toHaveLength(10);
    expect(lines[10]).toEqual({ kind: 'page', network: 'facebook', nextCursor: 'after' });
  });

  it('reads an error body with --status into an error record', async () => {
    const { code, output } = await run('facebook', 'posts', join(fixtures, 'error-4-application-request-limit.json'), '--status', '400');
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 60_000 });
    const html = join(mkdtempSync(join(tmpdir(), 'parse-')), 'bad-gateway.html');
    writeFileSync(html, '<html>502 Bad Gateway</html>');
    const proxy = await run('facebook', 'posts', html, '--status=502');
    expect(proxy.code).toBe(0);
    expect(JSON.parse(proxy.output)).toMatchObject({ kind: 'error', code: 'TRANSIENT' });
  });

  it('parses X payloads (mentions page, the code-88 429 body)', async () => {
    const xFixtures = join(fixtures, '..', '..', 'x', 'fixtures');
    const page = await run('x', 'mentions', join(xFixtures, 'mentions-timeline-page1.json'));
    expect(page.code).toBe(0);
    const lines = page.output
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.kind === 'message')).toHaveLength(5);
    expect(lines[lines.length - 1]).toEqual({ kind: 'page', network: 'x', nextCursor: '7140dibdnow9c7btw3w3ixl43r8knib48jsfyzko1h5py' });
    const limited = await run('x', 'mentions', join(xFixtures, 'error-429-rate-limit-exceeded-code88.json'), '--status', '429');
    expect(JSON.parse(limited.output)).toMatchObject({ kind: 'error', network: 'x', code: 'RATE_LIMITED' });
  });

  it('parses webhook deliveries', async () => {
    const { code, output } = await run('facebook', 'webhook', join(fixtures, 'webhook-messenger-message-reply.json'));
    expect(code).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ kind: 'message', channel: 'direct', threadKey: 'dm:987654321432' });
  });

  it.each([
    [['facebook', 'comments'], /expected <network> <endpoint> <file>/],
    [['facebook', 'likes', join(fixtures, 'comment-single-with-attachment.json')], /unknown facebook endpoint "likes"/],
    [['myspace', 'posts', join(fixtures, 'comment-single-with-attachment.json')], /unknown network "myspace"/],
    [['x', 'likes', join(fixtures, 'comment-single-with-attachment.json')], /unknown x endpoint "likes"/],
    [['facebook', 'comment', '/nonexistent/file.json'], /cannot read \/nonexistent\/file.json: ENOENT/],
    [['facebook', 'comment', join(fixtures, 'SOURCES.md')], /is not JSON/],
    [['facebook', 'comment', join(fixtures, 'comment-single-with-attachment.json'), '--status', 'abc'], /--status needs an HTTP status/],
    [['facebook', 'comment', join(fixtures, 'comment-single-with-attachment.json'), '--verbose'], /unknown option --verbose/],
  ])('exits 2 with a clear message: %j', async (argv, message) => {
    const { code, output } = await run(...argv);
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).toContain('usage: resonance parse');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorRecord, MessageRecord, PostRecord, UnifiedRecord } from '@resonance/contracts';
import { parsePayload } from '../parse';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;
const parse = (endpoint: string, body: unknown, extra: { accountId?: string; status?: number } = {}) =>
  parsePayload({ network: 'linkedin', endpoint, body, ...extra });
const posts = (records: UnifiedRecord[]) => records.filter((r): r is PostRecord => r.kind === 'post');
const errorsOf = (records: UnifiedRecord[]) => records.filter((r): r is ErrorRecord => r.kind === 'error');

/**
 * The Posts API's content forms the product's post reads can now receive (the sim serves them:
 * docs/sim.md, LinkedIn): a video (the recorded post-object-org-author.json), a document, several
 * images, a poll, a reshare without words of its own, a draft, a post with a call to action, landing page
 * and adContext, and a member's own post. Each is one post record; none
 * is an unknown shape. A comment with mentions keeps its text; a comment refused on a closed
 * thread is a named error.
 */
describe('LinkedIn post content forms → unified records', () => {
  const video = fixture('post-object-org-author.json');
  const base = { ...video, adContext: undefined, content: undefined };
  const forms: Record<string, Record<string, unknown>> = {
    video,
    document: { ...base, id: 'urn:li:share:7500000000000000002', content: { media: { id: 'urn:li:document:D4D10AQ0A1B2C3D4E5F6', title: 'Katalog 2027' } } },
    multiImage: {
      ...base,
      id: 'urn:li:share:7500000000000000004',
      content: {
        multiImage: {
          images: [
            { id: 'urn:li:image:D4E10AQ01', altText: 'eins' },
            { id: 'urn:li:image:D4E10AQ02', altText: 'zwei' },
          ],
        },
      },
    },
    poll: {
      ...base,
      id: 'urn:li:share:7500000000000000006',
      content: {
        poll: {
          question: 'Welche Farbe?',
          settings: { duration: 'THREE_DAYS' },
          options: [
            { text: 'Rot', voteCount: 0 },
            { text: 'Blau', voteCount: 0 },
          ],
          uniqueVotersCount: 0,
        },
      },
    },
    reshare: { ...base, id: 'urn:li:share:7500000000000000008', commentary: '', reshareContext: { parent: video.id, root: video.id } },
    draft: { ...base, id: 'urn:li:share:7500000000000000010', lifecycleState: 'DRAFT', publishedAt: undefined },
    // The updatable fields (PARTIAL_UPDATE): a call to action, a landing page and the adContext name and status.
    callToAction: {
      ...base,
      id: 'urn:li:share:7500000000000000012',
      contentCallToActionLabel: 'LEARN_MORE',
      contentLandingPage: 'https://example.com/karriere',
      adContext: { dscName: 'Stellen Q2', dscStatus: 'ARCHIVED' },
      lifecycleStateInfo: { isEditedByAuthor: true },
    },
    // A member's own post (w_member_social): authored by a person, not the page.
    memberAuthor: { ...base, id: 'urn:li:share:7500000000000000014', author: 'urn:li:person:rDemoAdmin42' },
  };

  it.each(Object.entries(forms))('a %s post is one post record with its URN and time', (_form, body) => {
    const records = parse('post', JSON.parse(JSON.stringify(body)));
    expect(records).toEqual([
      {
        kind: 'post',
        network: 'linkedin',
        externalId: body.id,
        text: body.commentary,
        url: `https://www.linkedin.com/feed/update/${String(body.id)}/`,
        // A draft has no publishedAt: its creation time stands in.
        publishedAt: new Date((body.publishedAt ?? body.createdAt) as number).toISOString(),
      },
    ]);
  });

  it('a page holding every form gives one post record each, no error, and where paging goes on', () => {
    const body = JSON.parse(
      JSON.stringify({ paging: { start: 0, count: 10, links: [], total: Object.keys(forms).length }, elements: Object.values(forms) }),
    ) as unknown;
    const records = parse('posts', body);
    expect(errorsOf(records)).toEqual([]);
    expect(posts(records).map((p) => p.externalId)).toEqual(Object.values(forms).map((f) => f.id));
    expect(records.at(-1)).toEqual({ kind: 'page', network: 'linkedin', nextCursor: null });
  });

  it('a comment with mentions (message.attributes) keeps its text', () => {
    const comment = fixture('comment-object-org-actor-with-image.json');
    const text = 'Danke, Team!';
    const body = { ...comment, message: { text, attributes: [{ start: 7, length: 4, value: { organization: { organization: comment.actor } } }] } };
    const [record] = parse('comment', body) as MessageRecord[];
    expect(record).toMatchObject({ kind: 'message', text, externalId: comment.$URN });
  });

  it("a member's comment as themselves (no agent) is a message not from the account", () => {
    const comment = fixture('comment-object-org-actor-with-image.json');
    const person = 'urn:li:person:rDemoAdmin42';
    const stamp = { actor: person, time: (comment.created as { time: number }).time };
    const body = { ...comment, actor: person, agent: undefined, created: stamp, lastModified: stamp, content: undefined };
    const [record] = parse('comment', JSON.parse(JSON.stringify(body)), { accountId: String(comment.actor) }) as MessageRecord[];
    expect(record).toMatchObject({ kind: 'message', author: { externalId: person }, isFromAccount: false, text: (comment.message as { text: string }).text });
  });

  it('a comment refused because the organization closed comments is a named error, not a retry', () => {
    const [error] = parse('comment', { status: 422, code: 'UNPROCESSABLE_ENTITY', message: 'Comments are closed on urn:li:share:1' }, { status: 422 });
    expect(error).toMatchObject({ kind: 'error', network: 'linkedin', code: 'INVALID_REQUEST', message: 'Comments are closed on urn:li:share:1' });
  });
});

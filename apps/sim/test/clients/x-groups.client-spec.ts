import { Agent } from 'node:https';
import { ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import { DEMO_ACCOUNTS, type RunningSim, type TruthItem } from '../../src';
import { clientSim, postJson, received } from './support';

const demo = DEMO_ACCOUNTS.find((a) => a.network === 'x')!;
const account = demo.externalId;
const DM_FIELDS = ['id', 'text', 'event_type', 'dm_conversation_id', 'created_at', 'sender_id', 'participant_ids'] as const;

/** X's answer to a DM write (docs.x.com): the client types it without the `data` envelope it returns. */
interface Sent {
  data: { dm_conversation_id: string; dm_event_id: string };
}

/**
 * twitter-api-v2's group conversations against the sim's https X origin (only the host changed,
 * see x.client-spec.ts): created with participants and a first message, written into, read by
 * conversation and in the user's DM events with their joins and leaves.
 */
describe('twitter-api-v2 group DMs against the sim', () => {
  let sim: RunningSim;
  let truth: TruthItem[];
  let settings: { plugins: ITwitterApiClientPlugin[]; httpAgent: Agent };

  beforeAll(async () => {
    sim = await clientSim(true);
    const host = new URL(sim.origins.x).host;
    settings = {
      plugins: [{ onBeforeRequest: ({ computedParams }) => void (computedParams.url.host = host) }],
      httpAgent: new Agent({ ca: sim.ca! }),
    };
    truth = (await postJson(`${sim.url}/_sim/generate`, { count: 300, network: 'x' })).body.items;
  });
  afterAll(() => sim.close());

  const user = () => new TwitterApi(demo.credentials.accessToken, settings);
  /** Two customers the account has written with (users the sim knows). */
  const customers = () => [...new Set(truth.filter((t) => t.kind === 'message' && !t.fromAccount).map((t) => t.author!.externalId))].slice(0, 2);

  it('creates a group with participants and a first message, writes into it and reads it by conversation', async () => {
    const [a, b] = customers();
    expect(b).toBeDefined();
    const created = (await user().v2.createDmConversation({
      conversation_type: 'Group',
      participant_ids: [a, b],
      message: { text: 'Hallo zusammen, wir klären das hier gemeinsam.' },
    })) as unknown as Sent;
    expect(created.data).toEqual({ dm_conversation_id: expect.stringMatching(/^\d{19}$/), dm_event_id: expect.stringMatching(/^\d{19}$/) });
    const conversation = created.data.dm_conversation_id;
    expect(conversation).not.toContain('-');
    const sent = (await user().v2.sendDmInConversation(conversation, { text: 'Zweite Nachricht' })) as unknown as Sent;
    expect(sent.data).toEqual({ dm_conversation_id: conversation, dm_event_id: expect.stringMatching(/^\d+$/) });

    const events = await user().v2.listDmEventsOfConversation(conversation, {
      'dm_event.fields': [...DM_FIELDS],
      expansions: ['sender_id', 'participant_ids'],
      'user.fields': ['username'],
    });
    // Newest first: the second message, the first, then the join that opened the conversation.
    expect(events.events).toEqual([
      {
        id: sent.data.dm_event_id,
        event_type: 'MessageCreate',
        text: 'Zweite Nachricht',
        dm_conversation_id: conversation,
        sender_id: account,
        created_at: expect.any(String),
      },
      {
        id: created.data.dm_event_id,
        event_type: 'MessageCreate',
        text: 'Hallo zusammen, wir klären das hier gemeinsam.',
        dm_conversation_id: conversation,
        sender_id: account,
        created_at: expect.any(String),
      },
      {
        id: expect.any(String),
        event_type: 'ParticipantsJoin',
        dm_conversation_id: conversation,
        sender_id: account,
        participant_ids: [a, b],
        created_at: expect.any(String),
      },
    ]);
    expect(events.includes.users.map((u) => u.id).sort()).toEqual([account, a, b].sort());
    const kept = await received(sim, 'x');
    expect(kept.filter((r) => r.targetId === conversation).map((r) => [r.path, r.text])).toEqual([
      ['/2/dm_conversations', 'Hallo zusammen, wir klären das hier gemeinsam.'],
      [`/2/dm_conversations/${conversation}/messages`, 'Zweite Nachricht'],
    ]);
  });

  it('shows a leave in the DM events, filters by event type, and keeps a member who left out of the group', async () => {
    const [a, b] = customers();
    const created = (await user().v2.createDmConversation({
      conversation_type: 'Group',
      participant_ids: [a, b],
      message: { text: 'Gruppe zwei' },
    })) as unknown as Sent;
    const conversation = created.data.dm_conversation_id;
    const left = await postJson(`${sim.url}/_sim/x/dm_conversations/${conversation}/leave`, { user_id: b });
    expect(left.status).toBe(200);
    expect(left.body.members.sort()).toEqual([account, a].sort());

    const all = await user().v2.listDmEvents({ 'dm_event.fields': [...DM_FIELDS], max_results: 100 });
    const ofGroup = all.events.filter((e) => e.dm_conversation_id === conversation);
    expect(ofGroup.map((e) => e.event_type)).toEqual(['ParticipantsLeave', 'MessageCreate', 'ParticipantsJoin']);
    expect(ofGroup[0]).toMatchObject({ sender_id: b, participant_ids: [b] });
    expect(ofGroup[0]).not.toHaveProperty('text');

    const onlyLeaves = await user().v2.listDmEvents({ event_types: 'ParticipantsLeave', 'dm_event.fields': ['dm_conversation_id'] });
    expect(onlyLeaves.events.map((e) => [e.event_type, e.dm_conversation_id])).toEqual([['ParticipantsLeave', conversation]]);
    const onlyMessages = await user().v2.listDmEvents({ event_types: 'MessageCreate', max_results: 100 });
    expect(onlyMessages.events.every((e) => e.event_type === 'MessageCreate')).toBe(true);
  });

  it('refuses a group without participants, of another type, to an unknown user, and an unknown event type, as X does', async () => {
    const [a] = customers();
    const refusal = async (call: () => Promise<unknown>) => {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiResponseError);
      return error as ApiResponseError;
    };
    const empty = await refusal(() => user().v2.createDmConversation({ conversation_type: 'Group', participant_ids: [], message: { text: 'x' } }));
    expect(empty.code).toBe(400);
    expect(empty.data.errors?.[0]).toMatchObject({ parameters: { participant_ids: ['[]'] } });
    const noText = await refusal(() => user().v2.createDmConversation({ conversation_type: 'Group', participant_ids: [a], message: {} }));
    expect(noText.code).toBe(400);
    const stranger = await refusal(() => user().v2.createDmConversation({ conversation_type: 'Group', participant_ids: [a, '42'], message: { text: 'x' } }));
    expect(stranger.code).toBe(403);
    const badType = await refusal(() => user().v2.listDmEvents({ event_types: 'Typing' }));
    expect(badType.code).toBe(400);
  });
});

import { arr, obj, str, type JsonObject, type UnifiedRecord } from '@resonance/contracts';
import type { SyncPage } from '../../interfaces';
import type { SyncRun } from '../../sync-run';
import { DM_EVENT_FIELDS, USER_FIELDS, type XClient } from '../client';
import { mapDmEventsPage, xTimeToIso } from '../mapper';
import { idCompare, MAX_RESULTS, maxId, type PendingPass } from './paging';

interface DmCursor {
  newestId?: string;
  pending?: PendingPass;
}

/**
 * The dms stream: direct messages, newest first, back to the newest one stored (or the window
 * start). GET /2/dm_events has no since_id: the pass pages down until it meets what was stored.
 */
export async function* dmPages(run: SyncRun<XClient>): AsyncGenerator<SyncPage> {
  const { client, accountId, windowStart } = run;
  const dm = obj(run.state.dms) as DmCursor;
  let newestDm = dm.pending?.newest ?? dm.newestId;
  let token: string | undefined = dm.pending?.token;
  for (;;) {
    const body: JsonObject = await client.get('GET /2/dm_events', '2/dm_events', {
      event_types: 'MessageCreate',
      'dm_event.fields': DM_EVENT_FIELDS,
      expansions: 'sender_id,participant_ids',
      'user.fields': USER_FIELDS,
      max_results: MAX_RESULTS,
      pagination_token: token,
    });
    let reachedKnown = false;
    const keep: unknown[] = [];
    for (const e of arr(body.data)) {
      const id = str(obj(e).id) ?? '';
      const created = Date.parse(xTimeToIso(obj(e).created_at) ?? '');
      if ((dm.newestId && idCompare(id, dm.newestId) <= 0) || (!dm.newestId && Number.isFinite(created) && created < windowStart)) {
        reachedKnown = true;
        break;
      }
      newestDm = maxId(newestDm, id);
      keep.push(e);
    }
    const records: UnifiedRecord[] = mapDmEventsPage({ ...body, data: keep }, { accountId }).filter((r) => r.kind === 'message');
    token = typeof obj(body.meta).next_token === 'string' ? (obj(body.meta).next_token as string) : undefined;
    if (reachedKnown || !token) {
      yield { stream: 'dms', records, commit: { dms: { newestId: newestDm } satisfies DmCursor } };
      break;
    }
    yield { stream: 'dms', records, commit: { dms: { newestId: dm.newestId, pending: { token, newest: newestDm } } satisfies DmCursor } };
  }
}

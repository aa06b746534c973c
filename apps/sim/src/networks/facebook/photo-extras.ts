import type { SimRequest, SimResponse } from '../../core/http';
import { errors } from './errors';
import { fbTime } from './fields';
import { bool } from './post-routes';
import { jsonArray, objectParam, param, scalarText } from './post-extras';
import type { FbPhoto, FbPhotoTag } from './post-types';
import type { FbUser } from './store';

/**
 * What `POST /{page}/photos` takes beyond the post fields (Graph reference "Page Photos"):
 *   tags            [{tag_uid, tag_text, x, y}]: people in the picture (a person the page may tag,
 *                   or free text), x and y in per cent from the top left; read back with
 *                   GET /{photo-id}/tags ({id, name, x, y, created_time}; a text tag without id), the
 *                   Photo Tags edge of the older Graph reference (today's Photo node lists no tags field)
 *   alt_text_custom the photo's alt text: read back as `alt_text_custom` and as `alt_text` (Facebook
 *                   shows the custom text instead of its automatic one)
 *   no_story        true: the photo is on the page (in /photos) but makes no feed story (no post)
 *   temporary       true (unpublished photos only): kept for a later post (attached_media), out of /photos
 */
export type PhotoExtras = Pick<FbPhoto, 'tags' | 'altText' | 'noStory' | 'temporary'>;

const MAX_ALT_TEXT = 1000;

/** A form array: JSON text, a JSON array, or indexed fields `tags[0][tag_uid]=…`. */
function arrayParam(req: SimRequest, name: string): unknown[] | null | undefined {
  const raw = param(req, name);
  if (raw !== undefined) return jsonArray(raw);
  const indexed = new Map<number, Record<string, unknown>>();
  const keys = [...Object.keys(req.body), ...req.query.keys()];
  for (const key of keys) {
    const m = new RegExp(`^${name}\\[(\\d+)\\](?:\\[(\\w+)\\])?$`).exec(key);
    if (!m) continue;
    const value = param(req, key);
    if (m[2] === undefined) indexed.set(Number(m[1]), objectParam(value) ?? {});
    else indexed.set(Number(m[1]), { ...indexed.get(Number(m[1])), [m[2]]: value });
  }
  return indexed.size ? [...indexed.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v) : undefined;
}

const percent = (v: unknown): number | null | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
};

/** Reads and validates the photo-only parameters; `people` finds a person the page may tag. */
export function readPhotoExtras(req: SimRequest, now: number, published: boolean, people: (id: string) => FbUser | undefined): PhotoExtras | SimResponse {
  const out: PhotoExtras = {};
  const noStory = bool(param(req, 'no_story'));
  if (noStory === null) return errors.invalidParam('Param no_story must be a boolean');
  if (noStory) out.noStory = true;
  const temporary = bool(param(req, 'temporary'));
  if (temporary === null) return errors.invalidParam('Param temporary must be a boolean');
  if (temporary) {
    if (published) return errors.invalidParam('A temporary photo must be unpublished (published=false)');
    out.temporary = true;
  }
  const alt = param(req, 'alt_text_custom');
  if (alt !== undefined) {
    if (typeof alt !== 'string' || alt.length > MAX_ALT_TEXT)
      return errors.invalidParam(`Param alt_text_custom must be a string of at most ${MAX_ALT_TEXT} characters`);
    if (alt.trim() !== '') out.altText = alt;
  }
  const rawTags = arrayParam(req, 'tags');
  if (rawTags === null) return errors.invalidParam('Param tags must be an array of {tag_uid, tag_text, x, y}');
  if (rawTags) {
    const tags: FbPhotoTag[] = [];
    for (const [i, raw] of rawTags.entries()) {
      const t = objectParam(raw);
      if (!t) return errors.invalidParam(`Param tags[${i}] must be an object`);
      const x = percent(t.x);
      const y = percent(t.y);
      if (x === null || y === null) return errors.invalidParam(`Param tags[${i}][x] and [y] must be numbers from 0 to 100`);
      const uid = t.tag_uid;
      const text = typeof t.tag_text === 'string' && t.tag_text.trim() !== '' ? t.tag_text : undefined;
      if (uid === undefined && text === undefined) return errors.invalidParam(`Param tags[${i}] needs tag_uid or tag_text`);
      const user = uid === undefined ? undefined : people(scalarText(uid));
      if (uid !== undefined && !user) return errors.invalidParam(`Invalid user id in tags: ${scalarText(uid)}`);
      tags.push({
        ...(user ? { user } : {}),
        ...(text && !user ? { text } : {}),
        ...(x !== undefined ? { x } : {}),
        ...(y !== undefined ? { y } : {}),
        at: now,
      });
    }
    if (tags.length) out.tags = tags;
  }
  return out;
}

/** GET /{photo-id}/tags: {data: [{id, name, x, y, created_time}]}. */
export function photoTags(photo: FbPhoto): Record<string, unknown> {
  return {
    data: (photo.tags ?? []).map((t) => ({
      ...(t.user ? { id: t.user.id, name: t.user.name } : { name: t.text }),
      ...(t.x !== undefined ? { x: t.x } : {}),
      ...(t.y !== undefined ? { y: t.y } : {}),
      created_time: fbTime(t.at),
    })),
  };
}

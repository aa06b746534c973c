import { additionalOwners, XMediaStore } from './media';

/** additional_owners: the media is usable by its uploader and by the users it names, nobody else. */
describe('X media additional_owners', () => {
  const now = Date.UTC(2026, 11, 7);
  const finalized = (store: XMediaStore, owners: string[], mime = 'image/png') => {
    const m = store.create('1', mime, 'tweet_image', 10, now, owners);
    m.finalized = true;
    return m;
  };

  it('lets the uploader and the additional owners attach it, and no one else', () => {
    const store = new XMediaStore();
    const m = finalized(store, ['2', '3']);
    expect(store.usable(m.id, '1', now)?.id).toBe(m.id);
    expect(store.usable(m.id, '3', now)?.id).toBe(m.id);
    expect(store.usable(m.id, '4', now)).toBeUndefined();
    // Expired after 24 hours for everyone.
    expect(store.usable(m.id, '2', now + 86_400_000)).toBeUndefined();
  });

  it('never offers a subtitle file as an attachment', () => {
    const store = new XMediaStore();
    const srt = finalized(store, [], 'text/plain');
    expect(srt.type).toBe('subtitles');
    expect(store.usable(srt.id, '1', now)).toBeUndefined();
  });

  it('reads both spellings and refuses more than 100 ids or ids that are not numbers', () => {
    expect(additionalOwners('12, 34')).toEqual(['12', '34']);
    expect(additionalOwners(['12'])).toEqual(['12']);
    expect(additionalOwners(undefined)).toEqual([]);
    expect(additionalOwners(Array.from({ length: 101 }, (_, i) => String(i)))).toMatchObject({ status: 400 });
    expect(additionalOwners('12,abc')).toMatchObject({ status: 400 });
  });
});

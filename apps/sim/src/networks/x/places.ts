/**
 * The places the sim's tweets can be tagged with (X's geo.place_id, expansions=geo.place_id,
 * place.fields). X's place ids are 16 hex digits; these are the sim's own, for German cities
 * (the demo shop's customers write in German). A customer tweet carries one when its id says so
 * (about one in nine), chosen by id so a seed's items stay the same; the account tags its own
 * tweets with geo.place_id on create.
 */
export interface XPlace {
  id: string;
  name: string;
  fullName: string;
  placeType: 'city' | 'admin' | 'country' | 'poi' | 'neighborhood';
  /** [west, south, east, north], as X's geo.bbox. */
  bbox: [number, number, number, number];
}

export const PLACES: readonly XPlace[] = [
  { id: '3078869807f9dd36', name: 'Berlin', fullName: 'Berlin, Deutschland', placeType: 'city', bbox: [13.088304, 52.338079, 13.760909, 52.675323] },
  { id: '0b5b2a9fe8a7e4c1', name: 'Hamburg', fullName: 'Hamburg, Deutschland', placeType: 'city', bbox: [8.420551, 53.395115, 10.32625, 53.963849] },
  { id: '1f2e3d4c5b6a7980', name: 'München', fullName: 'München, Bayern', placeType: 'city', bbox: [11.360777, 48.061624, 11.722908, 48.248116] },
  { id: '6a5b4c3d2e1f0a9b', name: 'Köln', fullName: 'Köln, Deutschland', placeType: 'city', bbox: [6.772531, 50.830443, 7.162028, 51.084974] },
];

export const PLACE_FIELDS = new Set(['contained_within', 'country', 'country_code', 'full_name', 'geo', 'id', 'name', 'place_type']);

export const placeById = (id: string): XPlace | undefined => PLACES.find((p) => p.id === id);

/** The place a customer's tweet was sent from, by its id (none for most). */
export function generatedPlace(tweetId: string): string | undefined {
  const n = BigInt(tweetId);
  return n % 9n === 0n ? PLACES[Number((n / 9n) % BigInt(PLACES.length))].id : undefined;
}

/** X's place object: id and full_name by default, the rest when asked. */
export function placeJson(p: XPlace, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { full_name: p.fullName, id: p.id };
  if (fields.has('name')) out.name = p.name;
  if (fields.has('place_type')) out.place_type = p.placeType;
  if (fields.has('country')) out.country = 'Deutschland';
  if (fields.has('country_code')) out.country_code = 'DE';
  if (fields.has('contained_within')) out.contained_within = [];
  if (fields.has('geo')) out.geo = { type: 'Feature', bbox: p.bbox, properties: {} };
  return out;
}

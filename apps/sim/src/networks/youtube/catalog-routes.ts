import { json, listParam, type SimRequest, type SimResponse } from '../../core/http';
import { errors, google } from './errors';
import { parts } from './params';
import { etag, itemsJson } from './serialize';
import { VIDEO_CATEGORIES } from './video-metadata';

/**
 * YouTube's reference lists (1 unit each): videoCategories.list, i18nLanguages.list and
 * i18nRegions.list. The ids are YouTube's; names come in the language `hl` asks for (default
 * en_US) from the ICU data Node carries, category titles in English or German (hl=de…), the two
 * languages the sim has them in.
 */

/** YouTube's own channel, which owns the categories (snippet.channelId). */
const YOUTUBE_CHANNEL = 'UCBR8-60-B28hp2BmDPdntcQ';

/** Every category of regionCode US: the assignable ones (video-metadata) and those YouTube keeps for itself. */
const CATEGORIES: Array<[id: string, en: string, de: string]> = [
  ['1', 'Film & Animation', 'Filme & Animation'],
  ['2', 'Autos & Vehicles', 'Autos & Fahrzeuge'],
  ['10', 'Music', 'Musik'],
  ['15', 'Pets & Animals', 'Haustiere & Tiere'],
  ['17', 'Sports', 'Sport'],
  ['18', 'Short Movies', 'Kurzfilme'],
  ['19', 'Travel & Events', 'Reisen & Events'],
  ['20', 'Gaming', 'Gaming'],
  ['21', 'Videoblogging', 'Videoblogs'],
  ['22', 'People & Blogs', 'Menschen & Blogs'],
  ['23', 'Comedy', 'Comedy'],
  ['24', 'Entertainment', 'Unterhaltung'],
  ['25', 'News & Politics', 'Nachrichten & Politik'],
  ['26', 'Howto & Style', 'Praktische Tipps & Styling'],
  ['27', 'Education', 'Bildung'],
  ['28', 'Science & Technology', 'Wissenschaft & Technik'],
  ['29', 'Nonprofits & Activism', 'Soziales Engagement'],
  ['30', 'Movies', 'Filme'],
  ['31', 'Anime/Animation', 'Anime/Animation'],
  ['32', 'Action/Adventure', 'Action/Abenteuer'],
  ['33', 'Classics', 'Klassiker'],
  ['34', 'Comedy', 'Komödie'],
  ['35', 'Documentary', 'Dokumentarfilm'],
  ['36', 'Drama', 'Drama'],
  ['37', 'Family', 'Familie'],
  ['38', 'Foreign', 'Ausland'],
  ['39', 'Horror', 'Horror'],
  ['40', 'Sci-Fi/Fantasy', 'Science-Fiction/Fantasy'],
  ['41', 'Thriller', 'Thriller'],
  ['42', 'Shorts', 'Kurzfilme'],
  ['43', 'Shows', 'Sendungen'],
  ['44', 'Trailers', 'Trailer'],
];

/** The interface languages YouTube lists (i18nLanguages ids). */
const LANGUAGES =
  'af az id ms bs ca cs da de et en-IN en-GB en es-419 es es-US eu fil fr fr-CA gl hr zu is it sw lv lt hu nl no uz pl pt-PT pt ro sq sk sl sr-Latn fi sv vi tr be bg ky kk mk mn ru sr uk el hy iw ur ar fa ne mr hi as bn pa gu or ta te kn ml si th lo my ka am km zh-CN zh-TW zh-HK ja ko'.split(
    ' ',
  );

/** The content regions YouTube lists (i18nRegions ids, ISO 3166-1). */
const REGIONS =
  'DZ AR AU AT AZ BH BD BY BE BO BA BR BG KH CA CL CO CR HR CY CZ DK DO EC EG SV EE FI FR GE DE GH GR GT HN HK HU IS IN ID IQ IE IL IT JM JP JO KZ KE KW LA LV LB LY LI LT LU MY MT MX ME MA NP NL NZ NI NG MK NO OM PK PA PG PY PE PH PL PT PR QA RO RU SA SN RS SG SK SI ZA KR ES LK SE CH TW TZ TH TN TR UG UA AE GB US UY VE VN YE ZW'.split(
    ' ',
  );

/** Whether YouTube lists the region (i18nRegions.list): regionCode of videoCategories and chart=mostPopular. */
export const isRegion = (code: string): boolean => REGIONS.includes(code.toUpperCase());

/** hl as YouTube takes it (en_US, de, pt-BR); an unknown one falls back to English, as YouTube's does. */
function displayNames(hl: string | null, type: 'language' | 'region'): Intl.DisplayNames {
  const locale = (hl ?? 'en_US').replace(/_/g, '-');
  try {
    return new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' });
  } catch {
    return new Intl.DisplayNames(['en'], { type, fallback: 'code' });
  }
}

const hlOf = (req: SimRequest): string => req.query.get('hl') ?? 'en_US';

/** videoCategories.list by id (comma list) or regionCode (the same categories everywhere in the sim); hl picks the titles. */
export function listVideoCategories(req: SimRequest): SimResponse {
  const p = parts(req, ['id', 'snippet']);
  if ('error' in p) return p.error;
  const ids = listParam(req.query, 'id');
  const region = req.query.get('regionCode');
  if (ids !== null && region !== null)
    return errors.invalidParam('regionCode', 'The regionCode parameter cannot be used with the id parameter.', 'incompatibleParameters');
  if (ids === null && region === null) return errors.invalidParam('id', 'No filter selected. Expected one of: id, regionCode', 'missingRequiredParameter');
  if (region !== null && !isRegion(region))
    return errors.invalidParam('regionCode', `Invalid value '${region}'. The regionCode parameter must name a region of i18nRegions.list.`);
  const german = /^de/i.test(req.query.get('hl') ?? '');
  const list = ids === null ? CATEGORIES : CATEGORIES.filter(([id]) => ids.includes(id));
  if (ids !== null && list.length === 0)
    return google(404, 'videoCategoryNotFound', 'The video category identified by the <code>id</code> parameter cannot be found.', {
      domain: 'youtube.videoCategory',
      location: 'id',
      locationType: 'parameter',
    });
  const items = list.map(([id, en, de]) => ({
    kind: 'youtube#videoCategory',
    etag: etag('category', id, german),
    id,
    ...(p.ok.has('snippet') ? { snippet: { title: german ? de : en, assignable: id in VIDEO_CATEGORIES, channelId: YOUTUBE_CHANNEL } } : {}),
  }));
  return json(200, itemsJson('youtube#videoCategoryListResponse', items));
}

/** i18nLanguages.list: YouTube's interface languages, named in hl's language. */
export function listI18nLanguages(req: SimRequest): SimResponse {
  const p = parts(req, ['snippet']);
  if ('error' in p) return p.error;
  const names = displayNames(req.query.get('hl'), 'language');
  const items = LANGUAGES.map((id) => ({
    kind: 'youtube#i18nLanguage',
    etag: etag('language', id, hlOf(req)),
    id,
    snippet: { hl: id, name: names.of(id === 'iw' ? 'he' : id) ?? id },
  }));
  return json(200, itemsJson('youtube#i18nLanguageListResponse', items));
}

/** i18nRegions.list: YouTube's content regions, named in hl's language. */
export function listI18nRegions(req: SimRequest): SimResponse {
  const p = parts(req, ['snippet']);
  if ('error' in p) return p.error;
  const names = displayNames(req.query.get('hl'), 'region');
  const items = REGIONS.map((id) => ({
    kind: 'youtube#i18nRegion',
    etag: etag('region', id, hlOf(req)),
    id,
    snippet: { gl: id, name: names.of(id) ?? id },
  }));
  return json(200, itemsJson('youtube#i18nRegionListResponse', items));
}

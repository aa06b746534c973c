/**
 * multipart/form-data bodies (RFC 7578), as clients send file uploads (X's media APPEND). Read
 * synchronously from the raw bytes the sim already holds; each part keeps its bytes, so a binary
 * file arrives unchanged.
 */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** A raw part of a multipart body: its header block and its bytes. */
interface RawPart {
  headers: string;
  data: Buffer;
}

/**
 * Splits a multipart body of the given subtype (form-data, related) at its boundary; null when the
 * content type is another one or the body does not parse.
 */
function splitMultipart(raw: Buffer, contentType: string | undefined, subtype: string): RawPart[] | null {
  const match = new RegExp(`^multipart\\/${subtype};.*\\bboundary=(?:"([^"]+)"|([^;\\s]+))`, 'i').exec(contentType ?? '');
  if (!match) return null;
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts: RawPart[] = [];
  let at = raw.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    // "--" after a delimiter closes the body.
    if (raw.subarray(at, at + 2).toString() === '--') return parts;
    const headerEnd = raw.indexOf('\r\n\r\n', at);
    const next = raw.indexOf(delimiter, headerEnd);
    if (headerEnd < 0 || next < 0) return null;
    // The part's bytes end before the CRLF that precedes the next delimiter.
    const end = raw.subarray(next - 2, next).toString() === '\r\n' ? next - 2 : next;
    parts.push({ headers: raw.subarray(at, headerEnd).toString('utf8'), data: Buffer.from(raw.subarray(headerEnd + 4, end)) });
    at = next;
  }
}

const contentTypeOf = (headers: string): string | undefined => /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();

/** The parts of a multipart body, or null when the content type is not multipart or the body does not parse. */
export function parseMultipart(raw: Buffer, contentType: string | undefined): FormPart[] | null {
  const rawParts = splitMultipart(raw, contentType, 'form-data');
  if (!rawParts) return null;
  const parts: FormPart[] = [];
  for (const { headers, data } of rawParts) {
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = contentTypeOf(headers);
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), ...(type ? { contentType: type } : {}), data });
  }
  return parts;
}

/** One part of a multipart/related body (RFC 2387): its content type and bytes. */
export interface RelatedPart {
  contentType?: string;
  data: Buffer;
}

/**
 * The parts of a multipart/related body, as Google's upload protocol takes metadata and media in
 * one request (`uploadType=multipart`: a JSON part, then the media part); null when the content
 * type is not multipart/related or the body does not parse.
 */
export function parseMultipartRelated(raw: Buffer, contentType: string | undefined): RelatedPart[] | null {
  return (
    splitMultipart(raw, contentType, 'related')?.map(({ headers, data }) => {
      const type = contentTypeOf(headers);
      return { ...(type ? { contentType: type } : {}), data };
    }) ?? null
  );
}

import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

// NUL cannot be stored in a PostgreSQL text value, and an unpaired UTF-16 surrogate is not a
// character at all (it cannot be encoded as UTF-8): either would fail deep in a write as a 500,
// possibly after part of the work was done. Refused up front as the caller's mistake instead.
const NUL = String.fromCharCode(0);
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isUnstorable = (text: string): boolean => text.includes(NUL) || UNPAIRED_SURROGATE.test(text);

function findUnstorable(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? path : undefined;
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const where = isUnstorable(key) ? `${path}.(key)` : findUnstorable(inner, `${path}.${key}`, depth + 1);
    if (where) return where;
  }
  return undefined;
}

/** Global pipe: every body, query and route parameter holds only text PostgreSQL can store. */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const where = findUnstorable(value, metadata.data ? `${metadata.type}.${metadata.data}` : metadata.type);
    if (where) throw new BadRequestException(`${where} contains a NUL character or an unpaired surrogate, which cannot be stored`);
    return value;
  }
}

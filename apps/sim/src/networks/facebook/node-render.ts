import type { FieldSpec } from './fields';
import type { FbComment, FbConversation, FbPost } from './store';

/**
 * Graph API nodes as JSON, field by field. Each node type knows its fields; asking for one it
 * does not have is the caller's error (#100 nonexisting field). Without `fields`, the defaults
 * Facebook returns for that node type. (Shared by serialize.ts and media.ts.)
 */
export class UnknownFieldError extends Error {
  constructor(
    readonly field: string,
    readonly nodeType: string,
  ) {
    super(`nonexisting field ${field} on ${nodeType}`);
  }
}

/** Renders a nested edge such as `comments.summary(true).limit(0)` inside a node. */
export type EdgeRenderer = (owner: FbPost | FbComment | FbConversation, edge: FieldSpec) => unknown;

export type Getter<T> = (node: T, spec: FieldSpec, edges: EdgeRenderer) => unknown;

export function render<T>(node: T, fields: FieldSpec[] | null, defaults: string[], getters: Record<string, Getter<T>>, nodeType: string, edges: EdgeRenderer) {
  const specs = fields ?? defaults.map((name) => ({ name, modifiers: {}, sub: null }));
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const get = getters[spec.name];
    if (!get) throw new UnknownFieldError(spec.name, nodeType);
    const value = get(node, spec, edges);
    // Facebook leaves out fields that have no value rather than sending null.
    if (value !== undefined) out[spec.name] = value;
  }
  // `id` is always returned, last when not asked for, as the Graph API does.
  if (!('id' in out) && 'id' in getters) out.id = getters.id(node, { name: 'id', modifiers: {}, sub: null }, edges);
  return out;
}

export { TrafficGenerator, createGenerator, generateItems, DEFAULT_INTENT_WEIGHTS, DEFAULT_KIND_WEIGHTS, DEFAULT_START_TIME } from './generator';
export { Rng, ZipfSampler, hashString } from './rng';
export type { Language } from './vocabulary';
export type {
  GeneratedItem,
  GeneratedPost,
  GeneratedComment,
  GeneratedReaction,
  ReactionKind,
  GeneratedMessage,
  GeneratedCustomer,
  GeneratorOptions,
  ItemKindWeights,
} from './types';
export { buildHistory, isBusinessHours } from './history';
export type { HistoryOptions } from './history';

import type { LiveEvent } from '@resonance/contracts';

/** The live events are the wire contract's (libs/contracts wire/events.ts). */
export type { LiveEvent, PresenceEntry, PresenceState } from '@resonance/contracts';

/** A live event as it travels between api copies: its workspace and a unique id (the SSE `id:`). */
export type WorkspaceEvent = LiveEvent & { workspaceId: string; eventId: string };

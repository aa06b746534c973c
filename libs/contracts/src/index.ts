export * from './networks';
export * from './records';
export * from './domain';
export * from './public-config';
export * from './accounts';
/** The HTTP API's wire contract: requests, responses, live events (ISO strings for dates). */
export * from './wire';
export * from './guards';
/** Narrowing of network payloads (connectors, sim). */
export * from './json';
/** YouTube's quota day, midnight to midnight Pacific time (connector and sim). */
export * from './pacific-time';
/** How dashboards (and the bench's agents) refetch what live events changed. */
export * from './live-refetch';

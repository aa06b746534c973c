export * from './networks';
export * from './records';
export * from './domain';

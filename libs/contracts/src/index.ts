export * from './networks';
export * from './records';
export * from './domain';
export * from './public-config';
export * from './accounts';

export * from './cadence.ts';
export * from './schemas/index.ts';

export * from './cadence.ts';
export * from './days.ts';
export * from './keys.ts';
export * from './names.ts';
export * from './phones.ts';
export * from './schemas/index.ts';

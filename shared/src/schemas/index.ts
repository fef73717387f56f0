export * from './board.ts';
export * from './capture.ts';
export * from './common.ts';
export * from './context.ts';
export * from './customer.ts';
export * from './interaction.ts';
export * from './parcel.ts';
export * from './settings.ts';

/** The schema layer: the single source of truth for the data's shape. */
export * from './common.ts';
export * from './platform.ts';
export * from './region.ts';
export * from './organization.ts';
export * from './figure.ts';
export * from './policy.ts';

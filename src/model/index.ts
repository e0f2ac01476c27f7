export * from './types';
export * from './errors';
export * from './pointer';
export { createAjv, OPENAPI_KEYWORDS } from './ajv';
export { DEFAULT_SPEC_PATH, getSpec, loadSpec } from './load-spec';
export * from './roles';
export * from './documented-rules';

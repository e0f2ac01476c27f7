import path from 'node:path';

/**
 * json-schema-faker is an ES module exported for `import` alone, and the commands' TypeScript is
 * CommonJS: its entry file is required by path, as jest's moduleNameMapper maps it (node ≥ 20.19
 * requires ES modules).
 */
export function loadJsonSchemaFaker(): typeof import('json-schema-faker') {
  const entry = path.join(__dirname, '..', 'node_modules', 'json-schema-faker', 'dist', 'index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(entry) as typeof import('json-schema-faker');
}

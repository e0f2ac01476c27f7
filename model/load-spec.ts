import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { SpecError } from './errors';
import { specValidators } from './compiled-validators';
import { buildOperations } from './operations';
import { pointerOf, segmentsOf, valueAt } from './pointer';
import type { ServerModel, SecuritySchemeModel, SpecModel } from './types';
import { keepDocuments, keptDocuments, type SpecDocuments } from './spec-documents';

export const DEFAULT_SPEC_PATH = path.join(__dirname, '..', 'spec', 'openapi.yaml');

type Doc = Record<string, unknown>;

function readSpecText(file: string): Buffer {
  if (!existsSync(file)) throw new SpecError(file, undefined, 'file not found');
  if (statSync(file).isDirectory())
    throw new SpecError(file, undefined, 'is a directory, not a spec file');
  return readFileSync(file);
}

function parseYaml(file: string, text: string): Doc {
  let doc: unknown;
  try {
    doc = yaml.load(text, { filename: file });
  } catch (err) {
    const e = err as yaml.YAMLException;
    const where = e.mark ? `line ${e.mark.line + 1}, column ${e.mark.column + 1}` : undefined;
    throw new SpecError(file, where, `YAML syntax error: ${e.reason ?? e.message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new SpecError(file, '#', 'not an OpenAPI document (the top level is not a mapping)');
  }
  const openapi = (doc as Doc).openapi;
  if (typeof openapi !== 'string' || !/^3\.\d+\.\d+/.test(openapi)) {
    throw new SpecError(
      file,
      '#/openapi',
      `not an OpenAPI 3.x document (openapi is ${JSON.stringify(openapi ?? null)})`,
    );
  }
  return doc as Doc;
}

/** Every local `$ref` must point at something; swagger-parser alone does not say where the `$ref` sits. */
function checkLocalRefs(file: string, doc: Doc): void {
  const walk = (node: unknown, at: Array<string | number>): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, [...at, i]));
    if (typeof node !== 'object' || node === null) return;
    const ref = (node as Doc).$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#')) {
        throw new SpecError(
          file,
          pointerOf([...at, '$ref']),
          `external $ref '${ref}' is not supported`,
        );
      }
      let target: unknown;
      try {
        target = segmentsOf(ref).length === 0 ? doc : valueAt(doc, ref);
      } catch {
        target = undefined;
      }
      if (target === undefined) {
        throw new SpecError(file, pointerOf([...at, '$ref']), `$ref '${ref}' does not resolve`);
      }
    }
    for (const [key, value] of Object.entries(node)) walk(value, [...at, key]);
  };
  walk(doc, []);
}

async function validateWithSwaggerParser(file: string, doc: Doc): Promise<Doc> {
  // Loaded only for a text not seen before (see spec-documents.ts): a third of a second saved.
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    // swagger-parser mutates what it is given: hand it copies.
    await SwaggerParser.validate(structuredClone(doc) as never);
    return (await SwaggerParser.dereference(structuredClone(doc) as never)) as unknown as Doc;
  } catch (err) {
    const lines = String((err as Error).message ?? err)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // Schema validation failures read "Swagger schema validation failed." then "#/pointer problem".
    const located = /^(#\S*)\s+(.*)$/.exec(lines.find((l) => l.startsWith('#')) ?? '');
    if (located) throw new SpecError(file, located[1], `invalid OpenAPI document: ${located[2]}`);
    throw new SpecError(file, undefined, `invalid OpenAPI document: ${lines[0] ?? 'invalid'}`);
  }
}

/** The spec's documents: kept from an earlier load of the same text, or parsed and validated. */
async function documentsOf(specPath: string, bytes: Buffer): Promise<SpecDocuments> {
  const kept = keptDocuments(bytes);
  if (kept) return kept;
  const parsed = parseYaml(specPath, bytes.toString('utf8'));
  checkLocalRefs(specPath, parsed);
  const dereferenced = await validateWithSwaggerParser(specPath, parsed);
  keepDocuments(bytes, { parsed, dereferenced });
  return { parsed, dereferenced };
}

function serversOf(doc: Doc): ServerModel[] {
  const servers = Array.isArray(doc.servers) ? (doc.servers as Doc[]) : [];
  return servers.map((server, i) => {
    const url = String(server.url);
    const host = /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1] ?? '';
    // apigw-qal.3ds.com -> qal: the environment names users type.
    const name = /^[a-z0-9]+-([a-z0-9]+)\./i.exec(host)?.[1] ?? `server${i}`;
    return { name, url, description: server.description as string | undefined };
  });
}

function securitySchemesOf(doc: Doc): SecuritySchemeModel[] {
  const schemes = ((doc.components as Doc | undefined)?.securitySchemes ?? {}) as Record<
    string,
    Doc
  >;
  return Object.entries(schemes).map(([name, s]) => ({
    name,
    type: String(s.type),
    in: s.in as string | undefined,
    paramName: s.name as string | undefined,
  }));
}

/** Load, validate and model a spec. Every failure is a one-line SpecError naming the file. */
export async function loadSpec(specPath: string = DEFAULT_SPEC_PATH): Promise<SpecModel> {
  const file = path.resolve(specPath);
  const bytes = readSpecText(file);
  const { parsed, dereferenced } = await documentsOf(specPath, bytes);

  const validators = specValidators(specPath, parsed, bytes);
  const validatorAt = validators.validatorAt;
  const operations = buildOperations(specPath, parsed, dereferenced, validatorAt);
  validators.keep();
  const info = (parsed.info ?? {}) as Doc;
  const model: SpecModel = {
    specPath: file,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    openapi: String(parsed.openapi),
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    servers: serversOf(parsed),
    securitySchemes: securitySchemesOf(parsed),
    operations,
    parsed,
    dereferenced,
    validatorAt,
    keepValidators: () => validators.keep(),
    operation(operationId: string) {
      const op = operations.find((o) => o.operationId === operationId);
      if (!op) {
        throw new SpecError(
          specPath,
          undefined,
          `unknown operation '${operationId}' (known: ${operations.map((o) => o.operationId).join(', ')})`,
        );
      }
      return op;
    },
  };
  return model;
}

const loaded = new Map<string, Promise<SpecModel>>();

/** The spec model, loaded once per path per process: every consumer shares one set of validators. */
export function getSpec(specPath: string = DEFAULT_SPEC_PATH): Promise<SpecModel> {
  const key = path.resolve(specPath);
  let model = loaded.get(key);
  if (!model) {
    model = loadSpec(key);
    loaded.set(key, model);
    model.catch(() => loaded.delete(key));
  }
  return model;
}

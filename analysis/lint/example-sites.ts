import {
  isRecord,
  canonicalPointer,
  child,
  segmentsOf,
  valueAt,
  type ExampleModel,
  type JsonSchema,
  type MediaModel,
  type OperationModel,
  type SpecModel,
} from '../../model';
import { schemaNodes } from './schema-nodes';

/** Where an example sits: in a media type, a parameter, a header, or a schema's own keyword. */
export type ExampleKind = 'media' | 'parameter' | 'header' | 'schema' | 'default';

/** One example value and the schema it illustrates. */
export interface ExampleSite {
  kind: ExampleKind;
  value: unknown;
  /** Pointer of the value itself (an Example Object's `value`, or the `example` keyword). */
  valuePointer: string;
  /** Pointer of the schema, for `spec.validatorAt`. */
  schemaPointer: string;
  /** That schema, dereferenced, for walking the value alongside it. */
  schema: JsonSchema;
  operationId?: string;
  where?: 'request' | 'response';
  /** Response status as written in the spec, for response examples. */
  status?: string;
}

/** An Example Object keeps its value under `value`; an `example` keyword is the value. */
function valuePointerOf(examplePointer: string): string {
  const segments = segmentsOf(examplePointer);
  return segments[segments.length - 2] === 'examples'
    ? child(examplePointer, 'value')
    : examplePointer;
}

export function schemaAt(spec: SpecModel, pointer: string): JsonSchema {
  const schema = valueAt(spec.dereferenced, pointer);
  return isRecord(schema) || typeof schema === 'boolean' ? (schema as JsonSchema) : true;
}

function mediaSites(
  op: OperationModel,
  media: MediaModel,
  where: 'request' | 'response',
  status?: string,
): ExampleSite[] {
  return media.examples
    .filter((ex: ExampleModel) => ex.value !== undefined)
    .map((ex) => ({
      kind: 'media' as const,
      value: ex.value,
      valuePointer: valuePointerOf(ex.pointer),
      schemaPointer: media.schemaPointer,
      schema: media.schema,
      operationId: op.operationId,
      where,
      status,
    }));
}

/** `example` and `examples` of a Parameter or Header Object at `pointer` (canonical). */
function objectSites(
  spec: SpecModel,
  pointer: string,
  kind: 'parameter' | 'header',
): ExampleSite[] {
  const object = valueAt(spec.parsed, pointer);
  if (!isRecord(object)) return [];
  const schemaPointer = canonicalPointer(spec.parsed, child(pointer, 'schema'));
  const base = { kind, schemaPointer, schema: schemaAt(spec, schemaPointer) };
  const sites: ExampleSite[] = [];
  if ('example' in object) {
    sites.push({ ...base, value: object.example, valuePointer: child(pointer, 'example') });
  }
  for (const name of Object.keys(isRecord(object.examples) ? object.examples : {})) {
    const examplePointer = canonicalPointer(spec.parsed, child(pointer, 'examples', name));
    const example = valueAt(spec.parsed, examplePointer);
    if (!isRecord(example) || !('value' in example)) continue;
    sites.push({ ...base, value: example.value, valuePointer: child(examplePointer, 'value') });
  }
  return sites;
}

function parameterPointers(spec: SpecModel, op: OperationModel): string[] {
  const pathPointer = child('#/paths', op.path);
  return [pathPointer, op.pointer].flatMap((owner) => {
    const list = valueAt(spec.parsed, child(owner, 'parameters'));
    return Array.isArray(list)
      ? list.map((_, i) => canonicalPointer(spec.parsed, child(owner, 'parameters', i)))
      : [];
  });
}

function headerPointers(spec: SpecModel, op: OperationModel): string[] {
  return Object.values(op.responses).flatMap((response) => {
    const headersPointer = canonicalPointer(spec.parsed, child(response.pointer, 'headers'));
    const headers = valueAt(spec.parsed, headersPointer);
    return isRecord(headers)
      ? Object.keys(headers).map((name) =>
          canonicalPointer(spec.parsed, child(headersPointer, name)),
        )
      : [];
  });
}

function schemaKeywordSites(spec: SpecModel): ExampleSite[] {
  return schemaNodes(spec).flatMap(({ pointer, schema }) => {
    const base = { schemaPointer: pointer, schema: schemaAt(spec, pointer) };
    const sites: ExampleSite[] = [];
    if ('example' in schema) {
      sites.push({
        ...base,
        kind: 'schema',
        value: schema.example,
        valuePointer: child(pointer, 'example'),
      });
    }
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, i) =>
        sites.push({ ...base, kind: 'schema', value, valuePointer: child(pointer, 'examples', i) }),
      );
    }
    if ('default' in schema) {
      sites.push({
        ...base,
        kind: 'default',
        value: schema.default,
        valuePointer: child(pointer, 'default'),
      });
    }
    return sites;
  });
}

/**
 * Every example in the document paired with the schema it illustrates. A shared example
 * (components/examples) appears once per distinct schema that references it.
 */
export function exampleSites(spec: SpecModel): ExampleSite[] {
  let sites = cache.get(spec);
  if (!sites) {
    sites = collectSites(spec);
    cache.set(spec, sites);
  }
  return sites;
}

// Several checks read the same sites; the spec model is immutable once loaded.
const cache = new WeakMap<SpecModel, ExampleSite[]>();

function collectSites(spec: SpecModel): ExampleSite[] {
  const sites: ExampleSite[] = [];
  for (const op of spec.operations) {
    for (const media of op.requestBody?.contents ?? [])
      sites.push(...mediaSites(op, media, 'request'));
    for (const response of Object.values(op.responses)) {
      for (const media of response.contents) {
        sites.push(...mediaSites(op, media, 'response', response.status));
      }
    }
    for (const p of parameterPointers(spec, op)) sites.push(...objectSites(spec, p, 'parameter'));
    for (const h of headerPointers(spec, op)) sites.push(...objectSites(spec, h, 'header'));
  }
  sites.push(...schemaKeywordSites(spec));
  const seen = new Set<string>();
  return sites.filter((site) => {
    const key = `${site.kind} ${site.valuePointer} ${site.schemaPointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import type { ValidateFunction } from 'ajv';
import { SpecError } from './errors';
import { canonicalPointer, child, pointerOf, valueAt } from './pointer';
import type {
  ExampleModel,
  HeaderModel,
  HttpMethod,
  JsonSchema,
  MediaModel,
  OperationModel,
  OperationRef,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
} from './types';

type Doc = Record<string, unknown>;
type ValidatorAt = (pointer: string) => ValidateFunction;

export const HTTP_METHODS: HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

/** "Use `/sales/api4partners/v1/leads-opportunities` instead." */
const SUCCESSOR_TEXT = /Use\s+`([^`]+)`\s+instead/i;

interface Context {
  file: string;
  parsed: Doc;
  deref: Doc;
  validatorAt: ValidatorAt;
}

function asDoc(value: unknown): Doc {
  return typeof value === 'object' && value !== null ? (value as Doc) : {};
}

function examplesAt(ctx: Context, mediaPointer: string): ExampleModel[] {
  const media = asDoc(valueAt(ctx.deref, mediaPointer));
  const out: ExampleModel[] = [];
  if ('example' in media) {
    out.push({ name: 'example', value: media.example, pointer: child(mediaPointer, 'example') });
  }
  for (const [name, raw] of Object.entries(asDoc(media.examples))) {
    const ex = asDoc(raw);
    out.push({
      name,
      summary: ex.summary as string | undefined,
      description: ex.description as string | undefined,
      value: ex.value,
      pointer: canonicalPointer(ctx.parsed, child(mediaPointer, 'examples', name)),
    });
  }
  return out;
}

function mediaAt(ctx: Context, contentPointer: string): MediaModel[] {
  const content = asDoc(valueAt(ctx.deref, contentPointer));
  return Object.keys(content).map((contentType) => {
    const mediaPointer = child(contentPointer, contentType);
    const schemaPointer = canonicalPointer(ctx.parsed, child(mediaPointer, 'schema'));
    return {
      contentType,
      schema: (asDoc(content[contentType]).schema ?? true) as JsonSchema,
      schemaPointer,
      validate: ctx.validatorAt(schemaPointer),
      examples: examplesAt(ctx, mediaPointer),
    };
  });
}

const isJson = (m: MediaModel): boolean => /^application\/(.+\+)?json\b/i.test(m.contentType);

function parametersOf(ctx: Context, pathPointer: string, opPointer: string): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const owner of [pathPointer, opPointer]) {
    const list = valueAt(ctx.deref, child(owner, 'parameters'));
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const p = asDoc(raw);
      const schemaPointer = canonicalPointer(ctx.parsed, child(owner, 'parameters', i, 'schema'));
      const param: ParameterModel = {
        name: String(p.name),
        in: p.in as ParameterModel['in'],
        required: p.required === true,
        description: p.description as string | undefined,
        schema: (p.schema ?? true) as JsonSchema,
        schemaPointer,
        validate: ctx.validatorAt(schemaPointer),
      };
      // Operation-level parameters override path-level ones with the same name and location.
      byKey.set(`${param.in}:${param.name}`, param);
    });
  }
  return [...byKey.values()];
}

function headersOf(ctx: Context, responsePointer: string): HeaderModel[] {
  const headers = asDoc(valueAt(ctx.deref, child(responsePointer, 'headers')));
  return Object.entries(headers).map(([name, raw]) => {
    const h = asDoc(raw);
    const schemaPointer = canonicalPointer(
      ctx.parsed,
      child(responsePointer, 'headers', name, 'schema'),
    );
    return {
      name,
      required: h.required === true,
      description: h.description as string | undefined,
      schema: (h.schema ?? true) as JsonSchema,
      schemaPointer,
      validate: ctx.validatorAt(schemaPointer),
    };
  });
}

function requestBodyOf(ctx: Context, opPointer: string): RequestBodyModel | undefined {
  const pointer = child(opPointer, 'requestBody');
  const body = valueAt(ctx.deref, pointer);
  if (body === undefined) return undefined;
  const contents = mediaAt(ctx, child(pointer, 'content'));
  return {
    required: asDoc(body).required === true,
    description: asDoc(body).description as string | undefined,
    json: contents.find(isJson),
    contents,
  };
}

function responsesOf(ctx: Context, opPointer: string): Record<string, ResponseModel> {
  const responses = asDoc(valueAt(ctx.deref, child(opPointer, 'responses')));
  const out: Record<string, ResponseModel> = {};
  for (const [status, raw] of Object.entries(responses)) {
    const pointer = child(opPointer, 'responses', status);
    const contents = mediaAt(ctx, child(pointer, 'content'));
    out[status] = {
      status,
      description: String(asDoc(raw).description ?? ''),
      headers: headersOf(ctx, pointer),
      json: contents.find(isJson),
      contents,
      pointer,
    };
  }
  return out;
}

function securityOf(op: Doc, doc: Doc): string[] {
  const requirements = (Array.isArray(op.security) ? op.security : doc.security) as
    Doc[] | undefined;
  return [...new Set((requirements ?? []).flatMap((r) => Object.keys(r)))];
}

/** `v1` for `/sales/api4partners/v1/...`; 'unversioned' when the path carries none. */
export function versionOf(path: string): string {
  return /\/(v\d+)(\/|$)/.exec(path)?.[1] ?? 'unversioned';
}

/** Every operation in the document, in document order; nothing here names an operation. */
export function buildOperations(
  file: string,
  parsed: Doc,
  deref: Doc,
  validatorAt: ValidatorAt,
): OperationModel[] {
  const ctx: Context = { file, parsed, deref, validatorAt };
  const operations: OperationModel[] = [];
  for (const [path, rawItem] of Object.entries(asDoc(deref.paths))) {
    const pathPointer = pointerOf(['paths', path]);
    for (const method of HTTP_METHODS) {
      const op = asDoc(rawItem)[method];
      if (op === undefined) continue;
      const o = asDoc(op);
      const opPointer = child(pathPointer, method);
      if (typeof o.operationId !== 'string') {
        throw new SpecError(file, child(opPointer, 'operationId'), 'operation has no operationId');
      }
      operations.push({
        operationId: o.operationId,
        method,
        path,
        version: versionOf(path),
        deprecated: o.deprecated === true,
        summary: o.summary as string | undefined,
        description: o.description as string | undefined,
        tags: (o.tags as string[] | undefined) ?? [],
        pointer: opPointer,
        parameters: parametersOf(ctx, pathPointer, opPointer),
        requestBody: requestBodyOf(ctx, opPointer),
        responses: responsesOf(ctx, opPointer),
        security: securityOf(o, deref),
      });
    }
  }
  linkSuccessors(operations);
  return operations;
}

function linkSuccessors(operations: OperationModel[]): void {
  for (const op of operations) {
    const target = SUCCESSOR_TEXT.exec(op.description ?? '')?.[1];
    if (!target) continue;
    const next = operations.find((o) => o.path === target && o.method === op.method && o !== op);
    if (next) {
      const ref: OperationRef = {
        operationId: next.operationId,
        method: next.method,
        path: next.path,
      };
      op.successor = ref;
    }
  }
}

import type { ExampleModel, MediaModel, OperationModel, SpecModel } from '../model';
import { shapedLike, type Random } from './random';
import {
  allowsType,
  isRecord,
  propertiesOf,
  requiredOf,
  type SchemaObject,
} from '../model/schema-access';
import { ERROR_KEYS, FIELDS } from './spec-fields';

/**
 * Response bodies in the documented shape. A documented example of the status is the
 * template (so `info`/`error`/`data` are laid out as the spec shows them); fresh values are
 * filled in where the status's SCHEMA allows them. Where an example and its schema disagree
 * (`statusCode: 200` in a 201 example, `errors` vs `error`), the schema wins.
 */
export interface ErrorDetail {
  code?: string;
  message: string;
}

export interface SuccessFill {
  /** The `data` member. */
  data?: unknown;
  /** Members set in the documented example's `data` (the update's ids; `action` stays). */
  dataFields?: Record<string, unknown>;
  /** Top-level members (the 201 body carries its ids at the top). */
  top?: Record<string, unknown>;
  /** Extra `info` members (estimatedSearchCount). */
  info?: Record<string, unknown>;
}

export interface Envelopes {
  success(op: OperationModel, status: number, fill?: SuccessFill): unknown;
  failure(op: OperationModel, status: number, error: ErrorDetail, fill?: SuccessFill): unknown;
  /** The documented example body as is (`{message}` for 401, 403, 429), else `{message: fallback}`. */
  example(op: OperationModel, status: number, fallback: string): unknown;
  /** The message the spec's examples give with an error code (ERR801, ERROR_048, ...). */
  messageFor(code: string): string | undefined;
}

const TIMESTAMP_KEY = /^time[sS]tamp$/;
const TRACE_KEY = /^traceId$/i;
const FALLBACK_TRACE_SHAPE = '0123456789abcdef0123456789abcdef';

function errorObjectOf(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  for (const key of ERROR_KEYS)
    if (isRecord(value[key])) return value[key] as Record<string, unknown>;
  return undefined;
}

function codeOf(value: unknown): string | undefined {
  const code = errorObjectOf(value)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A declared member's value when the mock has nothing to say: null where allowed, else a zero. */
function neutralValue(schema: SchemaObject | undefined): unknown {
  if (allowsType(schema, 'null')) return null;
  if (allowsType(schema, 'integer') || allowsType(schema, 'number')) return 0;
  if (allowsType(schema, 'boolean')) return false;
  return '';
}

function allLeavesNull(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  return Object.values(value).every(allLeavesNull);
}

/** Prefer the example with the wanted code, then one that obeys its schema, then one with a code. */
function pickTemplate(media: MediaModel | undefined, code?: string): ExampleModel | undefined {
  if (!media) return undefined;
  let best: ExampleModel | undefined;
  let bestScore = -1;
  for (const example of media.examples) {
    if (!isRecord(example.value)) continue;
    const exampleCode = codeOf(example.value);
    const score =
      (code !== undefined && exampleCode === code ? 8 : 0) +
      (media.validate(example.value) ? 2 : 0) +
      (exampleCode !== undefined ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [example, score];
  }
  return best;
}

function collectCodeMessages(spec: SpecModel): Map<string, string> {
  const messages = new Map<string, string>();
  for (const op of spec.operations) {
    for (const response of Object.values(op.responses)) {
      for (const example of response.json?.examples ?? []) {
        const error = errorObjectOf(example.value);
        if (
          typeof error?.code === 'string' &&
          typeof error.message === 'string' &&
          !messages.has(error.code)
        ) {
          messages.set(error.code, error.message.trim());
        }
      }
    }
  }
  return messages;
}

function findTraceShape(spec: SpecModel): string {
  for (const op of spec.operations) {
    for (const response of Object.values(op.responses)) {
      for (const example of response.json?.examples ?? []) {
        const trace =
          isRecord(example.value) && isRecord(example.value.info)
            ? example.value.info.traceId
            : undefined;
        if (typeof trace === 'string' && trace) return trace;
      }
    }
  }
  return FALLBACK_TRACE_SHAPE;
}

interface Template {
  text: string;
  /** The same body with `data` null: what a body whose data is replaced starts from. */
  withoutData: string;
  schema: SchemaObject;
}

export function createEnvelopes(spec: SpecModel, now: () => number, random: Random): Envelopes {
  const codeMessages = collectCodeMessages(spec);
  const traceShape = findTraceShape(spec);
  const templates = new Map<string, Template>();

  const templateFor = (op: OperationModel, status: number, code?: string): Template => {
    const key = `${op.operationId} ${status} ${code ?? ''}`;
    let template = templates.get(key);
    if (!template) {
      const media = op.responses[String(status)]?.json;
      const example = pickTemplate(media, code);
      const value = example?.value ?? {};
      template = {
        text: JSON.stringify(value),
        // Parsing a documented object only to replace it costs most of a read's answer.
        withoutData: JSON.stringify(
          isRecord(value) && FIELDS.data in value ? { ...value, [FIELDS.data]: null } : value,
        ),
        schema: (media?.schema ?? {}) as SchemaObject,
      };
      templates.set(key, template);
    }
    return template;
  };

  const fillInfo = (
    body: Record<string, unknown>,
    schema: SchemaObject,
    status: number,
    extra = {},
  ): void => {
    const infoSchema = propertiesOf(schema)[FIELDS.info];
    if (!infoSchema && !isRecord(body[FIELDS.info])) return;
    const info = isRecord(body[FIELDS.info]) ? (body[FIELDS.info] as Record<string, unknown>) : {};
    const props = propertiesOf(infoSchema);
    const keys = new Set([...Object.keys(props), ...Object.keys(info)]);
    for (const key of keys) {
      if (key === 'success') info.success = status >= 200 && status < 300;
      else if (key === 'statusCode') info.statusCode = status;
      else if (TIMESTAMP_KEY.test(key)) {
        info[key] = allowsType(props[key], 'string') ? new Date(now()).toISOString() : null;
      } else if (TRACE_KEY.test(key)) {
        info[key] = allowsType(props[key], 'string') ? shapedLike(traceShape, random) : null;
      } else if (!(key in info)) {
        info[key] = neutralValue(props[key]);
      }
    }
    Object.assign(info, extra);
    body[FIELDS.info] = info;
  };

  /** Every member the status's schema declares is in the body: null where allowed. */
  const fillDeclared = (body: Record<string, unknown>, schema: SchemaObject): void => {
    for (const [key, prop] of Object.entries(propertiesOf(schema))) {
      if (!(key in body) && allowsType(prop, 'null')) body[key] = null;
    }
  };

  const errorKeyOf = (body: Record<string, unknown>, schema: SchemaObject): string | undefined => {
    const props = propertiesOf(schema);
    return ERROR_KEYS.find((k) => k in props) ?? ERROR_KEYS.find((k) => k in body);
  };

  /** Error bodies carry no object: keep an all-null `data` as documented, else null or nulls. */
  const errorData = (op: OperationModel, schema: SchemaObject, templateData: unknown): unknown => {
    if (templateData !== undefined && allLeavesNull(templateData)) return templateData;
    const dataSchema = propertiesOf(schema)[FIELDS.data];
    if (allowsType(dataSchema, 'null')) return null;
    const success = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s));
    const successData = success
      ? propertiesOf(op.responses[success].json?.schema)[FIELDS.data]
      : undefined;
    return Object.fromEntries(Object.keys(propertiesOf(successData)).map((k) => [k, null]));
  };

  return {
    success(op, status, fill = {}) {
      const template = templateFor(op, status);
      const text = fill.data !== undefined ? template.withoutData : template.text;
      const body = JSON.parse(text) as Record<string, unknown>;
      fillInfo(body, template.schema, status, fill.info);
      const errorKey = errorKeyOf(body, template.schema);
      if (errorKey) {
        if (allowsType(propertiesOf(template.schema)[errorKey], 'null')) body[errorKey] = null;
        else delete body[errorKey];
      }
      if (fill.data !== undefined) body[FIELDS.data] = fill.data;
      if (fill.dataFields) {
        const data = isRecord(body[FIELDS.data])
          ? (body[FIELDS.data] as Record<string, unknown>)
          : {};
        body[FIELDS.data] = Object.assign(data, fill.dataFields);
      }
      Object.assign(body, fill.top);
      fillDeclared(body, template.schema);
      return body;
    },

    failure(op, status, error, fill = {}) {
      const template = templateFor(op, status, error.code);
      const body = JSON.parse(template.text) as Record<string, unknown>;
      fillInfo(body, template.schema, status, fill.info);
      const errorKey = errorKeyOf(body, template.schema);
      if (errorKey) {
        const errorSchema = propertiesOf(template.schema)[errorKey];
        const documentedCode = codeOf(body);
        const code =
          error.code ?? (requiredOf(errorSchema).includes('code') ? documentedCode : undefined);
        body[errorKey] =
          code !== undefined ? { code, message: error.message } : { message: error.message };
      }
      if ('data' in body || FIELDS.data in propertiesOf(template.schema)) {
        body[FIELDS.data] =
          fill.data !== undefined ? fill.data : errorData(op, template.schema, body[FIELDS.data]);
      }
      Object.assign(body, fill.top);
      fillDeclared(body, template.schema);
      return body;
    },

    example(op, status, fallback) {
      const body = JSON.parse(templateFor(op, status).text) as unknown;
      return isRecord(body) && Object.keys(body).length > 0 ? body : { message: fallback };
    },

    messageFor(code) {
      return codeMessages.get(code);
    },
  };
}

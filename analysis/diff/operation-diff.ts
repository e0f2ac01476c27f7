import {
  canonicalPointer,
  child,
  type MediaModel,
  type OperationModel,
  type ParameterModel,
  type SpecModel,
} from '../../model';
import { classify } from './classify';
import { diffSchemas } from './schema-diff';
import type { Change, ChangeKind, Side } from './types';

interface Facts {
  where: Side;
  status?: string;
  path: string;
  v0Pointer?: string;
  v1Pointer?: string;
  required?: boolean;
}

function opChange(kind: ChangeKind, facts: Facts, message: string): Change {
  const verdict = classify(kind, facts);
  const { where, status, path, v0Pointer, v1Pointer } = facts;
  return {
    kind,
    breaking: verdict.breaking,
    rationale: verdict.rationale,
    where,
    ...(status !== undefined ? { status } : {}),
    path,
    ...(v0Pointer !== undefined ? { v0Pointer } : {}),
    ...(v1Pointer !== undefined ? { v1Pointer } : {}),
    message: `${path}: ${message}`,
  };
}

const paramKey = (p: ParameterModel): string => `${p.in}.${p.name}`;

function parameterChanges(spec: SpecModel, v0: OperationModel, v1: OperationModel): Change[] {
  const before = new Map(v0.parameters.map((p) => [paramKey(p), p]));
  const after = new Map(v1.parameters.map((p) => [paramKey(p), p]));
  const out: Change[] = [];
  for (const [key, p0] of before) {
    const p1 = after.get(key);
    const facts = {
      where: 'request' as const,
      path: key,
      v0Pointer: p0.schemaPointer,
      v1Pointer: p1?.schemaPointer,
    };
    if (!p1) {
      out.push(opChange('parameter-removed', facts, 'parameter removed'));
      continue;
    }
    if (!p0.required && p1.required)
      out.push(opChange('parameter-required-added', facts, 'now required'));
    if (p0.required && !p1.required)
      out.push(opChange('parameter-required-removed', facts, 'no longer required'));
    out.push(
      ...diffSchemas(
        { doc: spec.parsed, where: 'request' },
        p0.schemaPointer,
        p1.schemaPointer,
        key,
      ),
    );
  }
  for (const [key, p1] of after) {
    if (before.has(key)) continue;
    const facts = {
      where: 'request' as const,
      path: key,
      v1Pointer: p1.schemaPointer,
      required: p1.required,
    };
    out.push(
      opChange(
        'parameter-added',
        facts,
        `${p1.required ? 'required' : 'optional'} parameter added`,
      ),
    );
  }
  return out;
}

/** Media types on both sides, matched by content type; the JSON ones have their schemas compared. */
function contentChanges(
  spec: SpecModel,
  where: Side,
  before: MediaModel[],
  after: MediaModel[],
  status?: string,
): Change[] {
  const out: Change[] = [];
  const byType = new Map(after.map((m) => [m.contentType, m]));
  for (const m0 of before) {
    const m1 = byType.get(m0.contentType);
    const path = where === 'request' ? `body ${m0.contentType}` : `${status} ${m0.contentType}`;
    if (!m1) {
      out.push(
        opChange(
          'media-type-removed',
          { where, status, path, v0Pointer: m0.schemaPointer },
          'media type removed',
        ),
      );
      continue;
    }
    out.push(
      ...diffSchemas({ doc: spec.parsed, where, status }, m0.schemaPointer, m1.schemaPointer),
    );
  }
  for (const m1 of after) {
    if (before.some((m0) => m0.contentType === m1.contentType)) continue;
    const path = where === 'request' ? `body ${m1.contentType}` : `${status} ${m1.contentType}`;
    out.push(
      opChange(
        'media-type-added',
        { where, status, path, v1Pointer: m1.schemaPointer },
        'media type added',
      ),
    );
  }
  return out;
}

function requestBodyChanges(spec: SpecModel, v0: OperationModel, v1: OperationModel): Change[] {
  const [b0, b1] = [v0.requestBody, v1.requestBody];
  const facts = {
    where: 'request' as const,
    path: 'body',
    v0Pointer: b0 ? child(v0.pointer, 'requestBody') : undefined,
    v1Pointer: b1 ? child(v1.pointer, 'requestBody') : undefined,
  };
  if (!b0 && !b1) return [];
  if (!b0)
    return [
      opChange('request-body-added', { ...facts, required: b1!.required }, 'request body added'),
    ];
  if (!b1) return [opChange('request-body-removed', facts, 'request body removed')];
  const out: Change[] = [];
  if (!b0.required && b1.required)
    out.push(opChange('request-body-required-added', facts, 'now required'));
  if (b0.required && !b1.required)
    out.push(opChange('request-body-required-removed', facts, 'no longer required'));
  out.push(...contentChanges(spec, 'request', b0.contents, b1.contents));
  return out;
}

function headerChanges(
  spec: SpecModel,
  v0: OperationModel,
  v1: OperationModel,
  status: string,
): Change[] {
  const [r0, r1] = [v0.responses[status], v1.responses[status]];
  const lower = (name: string): string => name.toLowerCase();
  const names0 = new Map(r0.headers.map((h) => [lower(h.name), h]));
  const names1 = new Map(r1.headers.map((h) => [lower(h.name), h]));
  const out: Change[] = [];
  for (const [key, h0] of names0) {
    const h1 = names1.get(key);
    const path = `header ${h0.name}`;
    if (!h1) {
      out.push(
        opChange(
          'header-removed',
          { where: 'response', status, path, v0Pointer: h0.schemaPointer },
          'header removed',
        ),
      );
      continue;
    }
    out.push(
      ...diffSchemas(
        { doc: spec.parsed, where: 'response', status },
        h0.schemaPointer,
        h1.schemaPointer,
        path,
      ),
    );
  }
  for (const [key, h1] of names1) {
    if (names0.has(key)) continue;
    const path = `header ${h1.name}`;
    out.push(
      opChange(
        'header-added',
        { where: 'response', status, path, v1Pointer: h1.schemaPointer },
        'header added',
      ),
    );
  }
  return out;
}

function responseChanges(spec: SpecModel, v0: OperationModel, v1: OperationModel): Change[] {
  const out: Change[] = [];
  const pointer = (op: OperationModel, status: string): string =>
    canonicalPointer(spec.parsed, op.responses[status].pointer);
  for (const status of Object.keys(v0.responses)) {
    if (!(status in v1.responses)) {
      const facts = {
        where: 'response' as const,
        status,
        path: status,
        v0Pointer: pointer(v0, status),
      };
      out.push(opChange('status-removed', facts, `status ${status} no longer documented`));
      continue;
    }
    out.push(...headerChanges(spec, v0, v1, status));
    out.push(
      ...contentChanges(
        spec,
        'response',
        v0.responses[status].contents,
        v1.responses[status].contents,
        status,
      ),
    );
  }
  for (const status of Object.keys(v1.responses)) {
    if (status in v0.responses) continue;
    const facts = {
      where: 'response' as const,
      status,
      path: status,
      v1Pointer: pointer(v1, status),
    };
    out.push(opChange('status-added', facts, `status ${status} newly documented`));
  }
  return out;
}

/** Everything that differs between an operation and its successor, request side first. */
export function diffOperations(spec: SpecModel, v0: OperationModel, v1: OperationModel): Change[] {
  return [
    ...parameterChanges(spec, v0, v1),
    ...requestBodyChanges(spec, v0, v1),
    ...responseChanges(spec, v0, v1),
  ];
}

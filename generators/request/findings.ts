import type { ErrorObject } from 'ajv';
import type { OperationModel } from '../../model';
import { escapeSegment } from '../../model';
import { DESCRIPTION_RULES, type DescriptionRule } from '../rules';
import type { GeneratorOptions, RequestSample } from '../types';
import { walkValue } from '../walk';
import { ruleContextOf } from './context';
import { decodeParam } from './params';

/** One thing wrong with a request, at a request pointer. */
export interface Finding {
  /** An ajv keyword ('required', 'format', ...), a description-rule kind, or an HTTP-level kind. */
  kind: string;
  pointer: string;
  source: 'schema' | 'rule' | 'http';
  message: string;
}

/** Where an ajv error is: a missing property is located at the property, not at its parent. */
export function ajvErrorPointer(prefix: string, error: ErrorObject): string {
  const missing =
    error.keyword === 'required'
      ? (error.params as { missingProperty?: string }).missingProperty
      : undefined;
  return prefix + error.instancePath + (missing === undefined ? '' : `/${escapeSegment(missing)}`);
}

function schemaFindings(prefix: string, errors: ErrorObject[] | null | undefined): Finding[] {
  return (errors ?? []).map((e) => ({
    kind: e.keyword,
    pointer: ajvErrorPointer(prefix, e),
    source: 'schema' as const,
    message: `${e.keyword}: ${e.message ?? ''}`,
  }));
}

function paramFindings(op: OperationModel, sample: RequestSample): Finding[] {
  const out: Finding[] = [];
  for (const p of op.parameters) {
    const values =
      p.in === 'path' ? sample.pathParams : p.in === 'query' ? sample.query : undefined;
    if (!values) continue;
    const at = `/${p.in}/${escapeSegment(p.name)}`;
    const raw = values[p.name];
    if (raw === undefined) {
      if (p.required)
        out.push({
          kind: 'required',
          pointer: at,
          source: 'schema',
          message: `missing ${p.in} parameter`,
        });
      continue;
    }
    if (!p.validate(decodeParam(p, raw))) out.push(...schemaFindings(at, p.validate.errors));
  }
  return out;
}

/** The body as a server would read it, or the HTTP-level reason it cannot be read. */
function readBody(
  op: OperationModel,
  sample: RequestSample,
): { body?: unknown; findings: Finding[] } {
  const documented = op.requestBody?.contents.map((c) => c.contentType.toLowerCase()) ?? [];
  const findings: Finding[] = [];
  const sent = sample.rawBody !== undefined || sample.body !== undefined;
  if (
    sent &&
    sample.contentType !== undefined &&
    !documented.includes(sample.contentType.toLowerCase())
  ) {
    findings.push({
      kind: 'wrong-content-type',
      pointer: '/headers/content-type',
      source: 'http',
      message: `content type ${sample.contentType} is not documented`,
    });
  }
  if (sample.rawBody === undefined) return { body: sample.body, findings };
  if (sample.rawBody.trim() === '') {
    if (op.requestBody?.required)
      findings.push({
        kind: 'empty-body',
        pointer: '/body',
        source: 'http',
        message: 'empty body where one is required',
      });
    return { body: undefined, findings };
  }
  try {
    return { body: JSON.parse(sample.rawBody), findings };
  } catch (err) {
    findings.push({
      kind: 'malformed-json',
      pointer: '/body',
      source: 'http',
      message: (err as Error).message,
    });
    return { body: undefined, findings };
  }
}

function ruleFindings(
  op: OperationModel,
  body: unknown,
  options: GeneratorOptions,
  rules: ReadonlyArray<DescriptionRule>,
): Finding[] {
  const media = op.requestBody?.json;
  if (!media || body === undefined || rules.length === 0) return [];
  const ctx = ruleContextOf(op, options);
  const out: Finding[] = [];
  walkValue(media.schema, body, { at: '/body', pointer: media.schemaPointer }, (site) => {
    if (!site.present) return;
    for (const rule of rules) {
      if (!rule.check || !rule.appliesAt(site, ctx)) continue;
      for (const f of rule.check(site.value, site.at, site)) {
        out.push({
          kind: f.kind,
          pointer: f.pointer,
          source: 'rule',
          message: `${rule.name}: ${f.message}`,
        });
      }
    }
  });
  return out;
}

/**
 * Everything wrong with a request: HTTP-level problems, the spec's own ajv verdicts on each
 * parameter and on the body, and the description rules. Empty for a valid request.
 */
export function requestFindings(
  op: OperationModel,
  sample: RequestSample,
  options: GeneratorOptions = {},
  rules: ReadonlyArray<DescriptionRule> = DESCRIPTION_RULES,
): Finding[] {
  const findings = paramFindings(op, sample);
  const { body, findings: http } = readBody(op, sample);
  findings.push(...http);
  const media = op.requestBody?.json;
  if (body === undefined) {
    const empty = http.some((f) => f.kind === 'empty-body' || f.kind === 'malformed-json');
    if (op.requestBody?.required && !empty)
      findings.push({
        kind: 'required',
        pointer: '/body',
        source: 'http',
        message: 'no body where one is required',
      });
    return findings;
  }
  if (media && !media.validate(body))
    findings.push(...schemaFindings('/body', media.validate.errors));
  findings.push(...ruleFindings(op, body, options, rules));
  return findings;
}

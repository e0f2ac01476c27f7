import fc from 'fast-check';
import type { OperationModel } from '../../src/model';
import type { RequestSample } from '../types';
import type { RequestMutation } from './types';

/** Ways JSON gets broken on the way: cut short, a trailing comma, single quotes, a stray brace. */
function malformedTexts(text: string): string[] {
  const candidates = [
    text.slice(0, Math.max(1, text.length - 1)),
    text.replace(/([}\]])$/, ',$1'),
    text.replace(/"/g, "'"),
    `${text}}`,
    `{${text}`,
    text.replace(/":/, '"'),
  ];
  return [...new Set(candidates)].filter((t) => {
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  });
}

/** Content types clients send by mistake; any the operation documents is left out. */
const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml'];

const withoutBody = ({ body: _body, ...rest }: RequestSample): RequestSample => rest;

export function httpMutations(op: OperationModel, base: RequestSample): RequestMutation[] {
  if (!op.requestBody || base.body === undefined) return [];
  const text = JSON.stringify(base.body);
  const jsonType = base.contentType ?? 'application/json';
  const out: RequestMutation[] = [];
  const broken = malformedTexts(text);
  if (broken.length > 0) {
    out.push({
      kind: 'malformed-json',
      pointer: '/body',
      apply: fc.constantFrom(...broken).map((rawBody) => ({
        sample: { ...withoutBody(base), rawBody, contentType: jsonType },
        reason: 'body is not valid JSON',
      })),
    });
  }
  const documented = op.requestBody.contents.map((c) => c.contentType.toLowerCase());
  const wrong = WRONG_TYPES.filter((t) => !documented.includes(t));
  if (wrong.length > 0) {
    out.push({
      kind: 'wrong-content-type',
      pointer: '/headers/content-type',
      apply: fc.constantFrom(...wrong).map((contentType) => ({
        sample: { ...withoutBody(base), rawBody: text, contentType },
        reason: `a JSON body sent as ${contentType}`,
      })),
    });
  }
  if (op.requestBody.required) {
    out.push({
      kind: 'empty-body',
      pointer: '/body',
      apply: fc.constant({ sample: { ...withoutBody(base), rawBody: '', contentType: jsonType }, reason: 'empty body where one is required' }),
    });
  }
  return out;
}

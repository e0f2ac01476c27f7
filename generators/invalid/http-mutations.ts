import fc from 'fast-check';
import type { OperationModel } from '../../model';
import type { RequestSample } from '../types';
import type { Plan, RequestMutation } from './types';

const isMalformed = (text: string): boolean => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

/** Ways JSON gets broken on the way: cut short, a trailing comma, a stray brace, single quotes. */
const BREAKS: ReadonlyArray<(text: string) => string> = [
  (t) => t.slice(0, Math.max(1, t.length - 1)),
  (t) => t.replace(/([}\]])$/, ',$1'),
  (t) => `${t}}`,
  (t) => `{${t}`,
  (t) => t.replace(/"/g, "'"),
];

/** Content types clients send by mistake; any the operation documents is left out. */
const WRONG_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml'];

const withoutBody = ({ body: _body, ...rest }: RequestSample): RequestSample => rest;

export function httpPlans(op: OperationModel, base: RequestSample): Array<Plan<RequestMutation>> {
  if (!op.requestBody || base.body === undefined) return [];
  const requestBody = op.requestBody;
  const jsonType = base.contentType ?? 'application/json';
  const text = () => JSON.stringify(base.body);
  const plans: Array<Plan<RequestMutation>> = [
    {
      kind: 'malformed-json',
      pointer: '/body',
      build: () => {
        const broken = [...new Set(BREAKS.map((b) => b(text())))].filter(isMalformed);
        if (broken.length === 0) return undefined;
        return {
          kind: 'malformed-json',
          pointer: '/body',
          apply: fc.constantFrom(...broken).map((rawBody) => ({
            sample: { ...withoutBody(base), rawBody, contentType: jsonType },
            reason: 'body is not valid JSON',
          })),
        };
      },
    },
  ];
  const documented = requestBody.contents.map((c) => c.contentType.toLowerCase());
  const wrong = WRONG_TYPES.filter((t) => !documented.includes(t));
  if (wrong.length > 0) {
    plans.push({
      kind: 'wrong-content-type',
      pointer: '/headers/content-type',
      build: () => ({
        kind: 'wrong-content-type',
        pointer: '/headers/content-type',
        apply: fc.constantFrom(...wrong).map((contentType) => ({
          sample: { ...withoutBody(base), rawBody: text(), contentType },
          reason: `a JSON body sent as ${contentType}`,
        })),
      }),
    });
  }
  if (requestBody.required) {
    plans.push({
      kind: 'empty-body',
      pointer: '/body',
      build: () => ({
        kind: 'empty-body',
        pointer: '/body',
        apply: fc.constant({
          sample: { ...withoutBody(base), rawBody: '', contentType: jsonType },
          reason: 'empty body where one is required',
        }),
      }),
    });
  }
  return plans;
}

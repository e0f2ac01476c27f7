import { child, isRecord } from '../../../model';
import { exampleSites, type ExampleSite } from '../example-sites';
import type { Finding, LintCheck } from '../types';

/** Where this API's envelopes carry the HTTP status: `info.statusCode`, or top-level `statusCode`. */
function statusCodeIn(value: unknown): { code: unknown; pointerSuffix: string[] } | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.info) && 'statusCode' in value.info) {
    return { code: value.info.statusCode, pointerSuffix: ['info', 'statusCode'] };
  }
  if ('statusCode' in value) return { code: value.statusCode, pointerSuffix: ['statusCode'] };
  return undefined;
}

function mismatch(site: ExampleSite): Finding[] {
  if (site.kind !== 'media' || site.where !== 'response' || !/^\d{3}$/.test(site.status ?? '')) {
    return [];
  }
  const found = statusCodeIn(site.value);
  if (!found || found.code === Number(site.status)) return [];
  return [
    {
      severity: 'warning',
      rule: exampleStatusCode.rule,
      pointer: child(site.valuePointer, ...found.pointerSuffix),
      message: `example of the ${site.status} response of ${site.operationId} says statusCode ${JSON.stringify(found.code)}`,
    },
  ];
}

/** Clients and mocks copy examples: a body claiming another status than the one it is sent with misleads both. */
export const exampleStatusCode: LintCheck = {
  rule: 'example-status-code',
  description: "a response example's info.statusCode equals the status it is documented under",
  run: (spec) => exampleSites(spec).flatMap(mismatch),
};

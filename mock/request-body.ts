import type { OperationModel, ViolationKind } from '../model';
import { rejectRule } from './handlers/common';
import type { BodyRead, MockReply } from './http-io';
import type { MockState } from './types';

export type ParsedBody = { parsed: unknown } | { rejected: MockReply };

const mediaType = (header: string | undefined): string =>
  (header ?? '').split(';')[0].trim().toLowerCase();

/**
 * The JSON body of a request to an operation that takes one, or the operation's documented
 * 400 for a body that cannot be it: too large, empty, another media type, not JSON.
 */
export function parseRequestBody(
  state: MockState,
  op: OperationModel,
  contentType: string | undefined,
  read: BodyRead,
  maxBytes: number,
): ParsedBody {
  const body = op.requestBody;
  if (!body || read.kind === 'aborted') return { parsed: undefined };
  const reject = (kind: ViolationKind, message: string): ParsedBody => ({
    rejected: rejectRule(state, op, {
      kind,
      pointer: kind === 'wrong-content-type' ? '/headers/content-type' : '/body',
      message,
    }),
  });
  // There is no documented kind for "too large": a body never read is one that does not parse.
  if (read.kind === 'too-large') {
    return reject('malformed-json', `request body larger than ${maxBytes} bytes`);
  }
  if (read.text.trim() === '') {
    return body.required ? reject('empty-body', 'request body is required') : { parsed: undefined };
  }
  const type = mediaType(contentType);
  if (!body.contents.some((c) => mediaType(c.contentType) === type)) {
    const documented = body.contents.map((c) => c.contentType).join(', ');
    return reject('wrong-content-type', `Content-Type ${type || '(none)'} is not ${documented}`);
  }
  try {
    return { parsed: JSON.parse(read.text) as unknown };
  } catch {
    return reject('malformed-json', 'request body is not valid JSON');
  }
}

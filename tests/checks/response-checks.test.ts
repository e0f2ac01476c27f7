/**
 * The response checks, judged on fixture exchanges against the real spec: each passes what the
 * spec documents and fails, with the exact kind and pointer, what breaks its `asserts`.
 */
import { getSpec, type SpecModel } from '../../model';
import {
  answer,
  contextFor,
  edited,
  editedAll,
  errorBody,
  excused,
  failed,
  failedShowing,
  OPS,
  PASSED,
  REMOVE,
  responseCheck,
  responseExample,
  skipped,
  summary,
  type ExchangeParts,
} from './exchanges';

let spec: SpecModel;
beforeAll(async () => {
  spec = await getSpec();
});

/** The named response check's verdict on `operationId` answering `status` with `body`. */
function judge(
  check: string,
  operationId: string,
  status: number,
  body?: unknown,
  parts: ExchangeParts = {},
) {
  const ctx = contextFor(spec, operationId);
  return summary(responseCheck(check).judge(answer(ctx.op, status, body, parts), ctx));
}

describe('status_code_conformance', () => {
  const check = 'status_code_conformance';

  it('passes a documented status', () => {
    const op = spec.operation(OPS.createV1);
    expect(judge(check, OPS.createV1, 201, responseExample(op, '201'))).toEqual(PASSED);
    expect(judge(check, OPS.createV1, 406, responseExample(op, '406'))).toEqual(PASSED);
  });

  it('fails an undocumented 404, naming the documented statuses', () => {
    expect(judge(check, OPS.readV1, 404, { message: 'not found' })).toEqual(
      failedShowing(
        'undocumented-status',
        '/status/404',
        'a documented status (200, 401, 403, 429, 500, 503)',
        '404',
      ),
    );
  });

  it('fails a status documented for another operation only (406 on a read)', () => {
    expect(judge(check, OPS.readV1, 406, {})).toEqual(
      failed('undocumented-status', '/status/406', 'a documented status'),
    );
  });

  it('judges a 302 instead of following it, and shows where it pointed', () => {
    expect(
      judge(check, OPS.createV1, 302, undefined, {
        contentType: null,
        headers: { location: 'https://login.example.test/' },
      }),
    ).toEqual(
      failedShowing(
        'undocumented-status',
        '/status/302',
        'a documented status',
        '302 (Location: https://login.example.test/)',
      ),
    );
  });

  it('leaves every 5xx, documented or not, to not_a_server_error', () => {
    expect(judge(check, OPS.createV1, 500, {})).toEqual(skipped('not_a_server_error'));
    expect(judge(check, OPS.readV1, 500, {})).toEqual(skipped('not_a_server_error'));
    expect(judge(check, OPS.portfolio, 503, {})).toEqual(skipped('not_a_server_error'));
  });
});

describe('content_type_conformance', () => {
  const check = 'content_type_conformance';

  it('passes application/json, with or without parameters, in any case', () => {
    expect(judge(check, OPS.readV1, 200, {})).toEqual(PASSED);
    expect(
      judge(check, OPS.readV1, 200, {}, { contentType: 'application/json; charset=utf-8' }),
    ).toEqual(PASSED);
    expect(
      judge(check, OPS.readV1, 200, {}, { contentType: 'Application/JSON;charset=UTF-8' }),
    ).toEqual(PASSED);
  });

  it('fails text/plain, showing what came', () => {
    expect(
      judge(check, OPS.createV1, 400, {}, { contentType: 'text/plain; charset=utf-8' }),
    ).toEqual(
      failedShowing(
        'undocumented-content-type',
        '/headers/content-type',
        'application/json',
        'text/plain; charset=utf-8',
      ),
    );
  });

  it('fails a JSON-looking media type the spec does not document (problem+json)', () => {
    expect(
      judge(check, OPS.createV1, 400, {}, { contentType: 'application/problem+json' }),
    ).toEqual(failed('undocumented-content-type', '/headers/content-type', 'application/json'));
  });

  it('fails a documented JSON response without Content-Type', () => {
    expect(judge(check, OPS.search, 200, {}, { contentType: null })).toEqual(
      failedShowing(
        'missing-content-type',
        '/headers/content-type',
        'application/json',
        'no Content-Type header',
      ),
    );
  });

  it('skips an undocumented status: there is no media type to expect', () => {
    expect(judge(check, OPS.readV1, 404, '<html/>', { contentType: 'text/html' })).toEqual(
      skipped('404 is not documented'),
    );
  });
});

describe('response_schema_conformance', () => {
  const check = 'response_schema_conformance';

  it("passes every documented example of every operation and status (the spec's own bodies)", () => {
    const verdicts: string[] = [];
    for (const op of spec.operations) {
      for (const [status, documented] of Object.entries(op.responses)) {
        for (const example of documented.json?.examples ?? []) {
          const verdict = judge(check, op.operationId, Number(status), example.value);
          verdicts.push(`${op.operationId} ${status} ${example.name}: ${verdict.verdict}`);
        }
      }
    }
    // 53 examples across the 8 operations: every one judged.
    expect(verdicts).toHaveLength(53);
    expect(verdicts.filter((v) => !v.endsWith(': pass'))).toEqual([]);
  });

  it('passes the 201 example although it says statusCode 200: the schema allows any integer there', () => {
    const body = responseExample(spec.operation(OPS.createV1), '201');
    expect((body.info as { statusCode: number }).statusCode).toBe(200);
    expect(judge(check, OPS.createV1, 201, body)).toEqual(PASSED);
  });

  it('fails a type change at the field that changed', () => {
    const body = edited(
      responseExample(spec.operation(OPS.createV1), '201'),
      '/info/statusCode',
      '201',
    );
    expect(judge(check, OPS.createV1, 201, body)).toEqual(
      failedShowing(
        'schema-violation',
        '/body/info/statusCode',
        'type: must be integer (#/components/schemas/201_post_leads-opportunities)',
        '/info/statusCode must be integer',
      ),
    );
  });

  it('fails a value outside an enum deep in a read', () => {
    const body = edited(
      responseExample(spec.operation(OPS.readV1), '200'),
      '/data/leadOpportunity/offerLines/1/revenueType',
      'RENTAL_BOOKING',
    );
    expect(judge(check, OPS.readV1, 200, body)).toEqual(
      failed(
        'schema-violation',
        '/body/data/leadOpportunity/offerLines/1/revenueType',
        'enum: must be equal to one of the allowed values',
      ),
    );
  });

  it('points a missing required property at the property itself', () => {
    const body = edited(
      responseExample(spec.operation(OPS.createV1), '201'),
      '/dsLeadOpportunityId',
      REMOVE,
    );
    expect(judge(check, OPS.createV1, 201, body)).toEqual(
      failed(
        'schema-violation',
        '/body/dsLeadOpportunityId',
        'required: must have required property',
      ),
    );
  });

  it('validates against the schema of the status answered, not of the success', () => {
    // A valid 200 read body sent with a 500: the 500 schema wants data null and an error object.
    const body = responseExample(spec.operation(OPS.readV1), '200');
    expect(judge(check, OPS.readV1, 500, body)).toEqual(
      failed(
        'schema-violation',
        '/body/data',
        '(#/components/schemas/500_get_leads-opportunities)',
      ),
    );
  });

  it('fails a body cut short, showing its first bytes', () => {
    const text = '{"info":{"success":true,"statusCode":201';
    expect(
      judge(check, OPS.createV1, 201, undefined, {
        text,
        incomplete: { kind: 'truncated', detail: 'connection closed after 41 of 180 bytes' },
      }),
    ).toEqual(
      failedShowing(
        'incomplete-body',
        '/body',
        'a body valid against #/components/schemas/201_post_leads-opportunities',
        `connection closed after 41 of 180 bytes; first bytes ${JSON.stringify(text)}`,
      ),
    );
  });

  it('fails a body over the size limit as too large, even when what came parses', () => {
    expect(
      judge(check, OPS.portfolio, 200, responseExample(spec.operation(OPS.portfolio), '200'), {
        incomplete: { kind: 'too-large', detail: 'body over 10 MB' },
      }),
    ).toEqual(failedShowing('body-too-large', '/body', 'a body valid against', 'body over 10 MB'));
  });

  it('fails a body that is not UTF-8, naming the byte', () => {
    const body = responseExample(spec.operation(OPS.readV1), '200');
    expect(judge(check, OPS.readV1, 200, body, { invalidUtf8At: 17 })).toEqual(
      failedShowing('not-utf8', '/body', 'a body valid against', 'byte 17 is not UTF-8'),
    );
  });

  it('fails an HTML page, showing its first bytes on one line', () => {
    const text = '<!DOCTYPE html>\n<html>\n  <head><title>502 Bad Gateway</title></head>\n</html>';
    expect(
      judge(check, OPS.createV1, 400, undefined, {
        text,
        contentType: 'text/html',
        jsonError: "Unexpected token '<'",
      }),
    ).toEqual(
      failedShowing(
        'not-json',
        '/body',
        'a body valid against #/components/schemas/400_post_leads-opportunities',
        `not JSON (Unexpected token '<'): "<!DOCTYPE html> <html> <head><title>502 Bad Gateway</title></head> </html>"`,
      ),
    );
  });

  it('cuts a long non-JSON preview at 120 characters', () => {
    const text = `<html>${'x'.repeat(300)}</html>`;
    const verdict = judge(check, OPS.createV1, 400, undefined, { text, jsonError: 'bad' });
    expect(verdict).toEqual(
      failedShowing('not-json', '/body', 'a body valid against', `${text.slice(0, 120)}"…`),
    );
  });

  it('fails an empty body where a JSON one is documented', () => {
    expect(judge(check, OPS.readV1, 200, undefined, { text: '' })).toEqual(
      failedShowing('not-json', '/body', 'a body valid against', 'an empty body'),
    );
  });

  it('skips an undocumented status', () => {
    expect(judge(check, OPS.readV1, 404, { anything: true })).toEqual(
      skipped('404 is not documented'),
    );
  });
});

describe('envelope_consistency', () => {
  const check = 'envelope_consistency';

  it('passes info.statusCode equal to the status and success matching it', () => {
    const created = edited(
      responseExample(spec.operation(OPS.createV1), '201'),
      '/info/statusCode',
      201,
    );
    expect(judge(check, OPS.createV1, 201, created)).toEqual(PASSED);
    expect(
      judge(check, OPS.createV1, 400, errorBody(spec.operation(OPS.createV1), 400, 'ERR801')),
    ).toEqual(PASSED);
    expect(
      judge(check, OPS.readV1, 200, responseExample(spec.operation(OPS.readV1), '200')),
    ).toEqual(PASSED);
    expect(
      judge(check, OPS.portfolio, 400, responseExample(spec.operation(OPS.portfolio), '400')),
    ).toEqual(PASSED);
  });

  it('fails a 400 whose envelope says 200', () => {
    const body = edited(
      errorBody(spec.operation(OPS.createV1), 400, 'ERR801'),
      '/info/statusCode',
      200,
    );
    expect(judge(check, OPS.createV1, 400, body)).toEqual(
      failedShowing(
        'envelope-mismatch',
        '/body/info/statusCode',
        '400 (its description: the HTTP code of the response)',
        '200',
      ),
    );
  });

  it('fails a 400 whose envelope says success true', () => {
    const body = edited(
      errorBody(spec.operation(OPS.createV1), 400, 'ERR801'),
      '/info/success',
      true,
    );
    expect(judge(check, OPS.createV1, 400, body)).toEqual(
      failedShowing(
        'envelope-mismatch',
        '/body/info/success',
        'false (a 400 did not succeed)',
        'true',
      ),
    );
  });

  it('fails a 503 whose envelope says 200 (the maintenance answer is found by its descriptions too)', () => {
    const body = edited(
      responseExample(spec.operation(OPS.readV1), '503'),
      '/info/statusCode',
      200,
    );
    expect(judge(check, OPS.readV1, 503, body)).toEqual(
      failed('envelope-mismatch', '/body/info/statusCode', '503'),
    );
  });

  it("passes a 201 saying statusCode 200 as the spec's own 201 example does, recording the excuse", () => {
    const body = responseExample(spec.operation(OPS.createV1), '201');
    expect(judge(check, OPS.createV1, 201, body)).toEqual(excused('statusCodeAsInExample'));
    expect(judge(check, OPS.createV0, 201, body)).toEqual(excused('statusCodeAsInExample'));
  });

  it('fails a 201 saying a status no example shows', () => {
    const body = edited(
      responseExample(spec.operation(OPS.createV1), '201'),
      '/info/statusCode',
      204,
    );
    expect(judge(check, OPS.createV1, 201, body)).toEqual(
      failed('envelope-mismatch', '/body/info/statusCode', '201'),
    );
  });

  it('a mismatch wins over an excused field', () => {
    // statusCode 200 is excused by the example; success false on a 201 is not.
    const body = edited(
      responseExample(spec.operation(OPS.createV1), '201'),
      '/info/success',
      false,
    );
    expect(judge(check, OPS.createV1, 201, body)).toEqual(
      failed('envelope-mismatch', '/body/info/success', 'true (a 201 succeeded)'),
    );
  });

  it('skips bodies without an envelope (401, 429) and bodies missing it', () => {
    expect(judge(check, OPS.createV1, 401, { message: 'Missing API key in request' })).toEqual(
      skipped('documents no envelope'),
    );
    expect(judge(check, OPS.createV1, 429, { message: 'Too many requests' })).toEqual(
      skipped('documents no envelope'),
    );
    expect(judge(check, OPS.createV1, 400, { message: 'no envelope' })).toEqual(
      skipped('no info in the body'),
    );
  });

  // The 500 and PATCH 400 schemas describe neither field: the names the described envelopes
  // use ("HTTP Code of the response") apply to them too.
  it('fails a read 500 whose envelope says success with statusCode 200', () => {
    const body = editedAll(responseExample(spec.operation(OPS.readV1), '500'), {
      '/info/statusCode': 200,
      '/info/success': true,
    });
    expect(judge(check, OPS.readV1, 500, body)).toEqual(
      failed('envelope-mismatch', '/body/info/statusCode', '500'),
    );
  });

  it('fails a PATCH 400 whose envelope says statusCode 200', () => {
    const body = edited(
      responseExample(spec.operation(OPS.updateV1), '400'),
      '/info/statusCode',
      200,
    );
    expect(judge(check, OPS.updateV1, 400, body)).toEqual(
      failed('envelope-mismatch', '/body/info/statusCode', '400'),
    );
  });
});

describe('rate_limit_headers', () => {
  const check = 'rate_limit_headers';
  const ok = (
    rateLimit: ExchangeParts['rateLimit'],
    status = 200,
    operationId: string = OPS.readV1,
  ) => judge(check, operationId, status, {}, { rateLimit });

  it('passes the three headers present once, as non-negative integers, Remaining ≤ Limit', () => {
    expect(ok({ limit: 100, remaining: 42, reset: 27 })).toEqual(PASSED);
    expect(ok({ limit: 100, remaining: 100, reset: 0 })).toEqual(PASSED);
    expect(ok({ limit: 100, remaining: 0, reset: 27 }, 429, OPS.createV1)).toEqual(PASSED);
  });

  it('fails a missing header, naming it', () => {
    const ctxOp = spec.operation(OPS.readV1);
    const exchange = answer(
      ctxOp,
      200,
      {},
      { rateLimit: { limit: 100, remaining: 42, reset: 27 } },
    );
    delete exchange.response.headers['x-ratelimit-reset'];
    expect(summary(responseCheck(check).judge(exchange, contextFor(spec, OPS.readV1)))).toEqual(
      failedShowing(
        'missing-header',
        '/headers/x-ratelimit-reset',
        'X-RateLimit-Reset on 200',
        'absent',
      ),
    );
  });

  it('fails a 429 without any of them: they are declared there too', () => {
    expect(ok(null, 429, OPS.search)).toEqual(
      failed('missing-header', '/headers/x-ratelimit-limit', 'X-RateLimit-Limit on 429'),
    );
  });

  it('fails a header sent twice', () => {
    expect(
      judge(
        check,
        OPS.readV1,
        200,
        {},
        {
          rateLimit: { limit: 100, remaining: '42, 41', reset: 27 },
          repeatedHeaders: { 'x-ratelimit-remaining': ['42', '41'] },
        },
      ),
    ).toEqual(
      failedShowing(
        'repeated-header',
        '/headers/x-ratelimit-remaining',
        'one X-RateLimit-Remaining field',
        '2 fields: 42 | 41',
      ),
    );
  });

  it('fails a negative value', () => {
    expect(ok({ limit: 100, remaining: -1, reset: 27 })).toEqual(
      failedShowing(
        'invalid-header-value',
        '/headers/x-ratelimit-remaining',
        'X-RateLimit-Remaining valid against',
        '"-1"',
      ),
    );
  });

  it('fails values that are not integers', () => {
    expect(ok({ limit: 100, remaining: 42, reset: '27.5' })).toEqual(
      failed(
        'invalid-header-value',
        '/headers/x-ratelimit-reset',
        'X-RateLimit-Reset valid against',
      ),
    );
    expect(ok({ limit: 'unlimited', remaining: 42, reset: 27 })).toEqual(
      failed(
        'invalid-header-value',
        '/headers/x-ratelimit-limit',
        'X-RateLimit-Limit valid against',
      ),
    );
    expect(ok({ limit: 100, remaining: 42, reset: 'Mon, 01 Sep 2025 10:00:27 GMT' })).toEqual(
      failed(
        'invalid-header-value',
        '/headers/x-ratelimit-reset',
        'X-RateLimit-Reset valid against',
      ),
    );
  });

  it('fails Remaining above Limit', () => {
    expect(ok({ limit: 100, remaining: 101, reset: 27 })).toEqual(
      failedShowing(
        'remaining-above-limit',
        '/headers/x-ratelimit-remaining',
        'X-RateLimit-Remaining ≤ X-RateLimit-Limit',
        'Remaining 101, Limit 100',
      ),
    );
  });

  it('skips 401 and 403, where no header is declared, and undocumented statuses', () => {
    expect(ok(null, 401)).toEqual(skipped('no X-RateLimit-* header declared for 401'));
    expect(ok({ limit: 1, remaining: 5, reset: -3 }, 403)).toEqual(
      skipped('no X-RateLimit-* header declared for 403'),
    );
    expect(ok(null, 404)).toEqual(skipped('no X-RateLimit-* header declared for 404'));
  });
});

describe('not_a_server_error', () => {
  const check = 'not_a_server_error';

  it('passes 2xx and 4xx answers: other checks judge them', () => {
    expect(judge(check, OPS.createV1, 201, {})).toEqual(PASSED);
    expect(judge(check, OPS.createV1, 400, {})).toEqual(PASSED);
    expect(judge(check, OPS.readV1, 404, {})).toEqual(PASSED);
  });

  it('fails a 500 where none is documented', () => {
    expect(judge(check, OPS.createV1, 500, {})).toEqual(
      failedShowing(
        'server-error',
        '/status/500',
        'no 5xx other than the documented ones (503)',
        '500',
      ),
    );
    expect(judge(check, OPS.portfolio, 503, {})).toEqual(
      failed('server-error', '/status/503', 'no 5xx other than the documented ones (none)'),
    );
    expect(judge(check, OPS.readV1, 502, '<html/>')).toEqual(
      failed('server-error', '/status/502', 'no 5xx other than the documented ones (500, 503)'),
    );
  });

  it("passes a read's documented 500 ERROR_048", () => {
    const body = responseExample(spec.operation(OPS.readV1), '500');
    expect(judge(check, OPS.readV1, 500, body)).toEqual(PASSED);
    expect(judge(check, OPS.readV0, 500, body)).toEqual(PASSED);
  });

  it("fails a read's 500 with another code, or none: a crash on a documented status", () => {
    const op = spec.operation(OPS.readV1);
    expect(judge(check, OPS.readV1, 500, errorBody(op, 500, 'NullPointerException'))).toEqual(
      failedShowing(
        'undocumented-server-error',
        '/status/500',
        '500 only as documented, with error.code ERROR_048',
        '500 with error.code NullPointerException',
      ),
    );
    expect(judge(check, OPS.readV1, 500, undefined, { text: 'Internal Server Error' })).toEqual(
      failedShowing('undocumented-server-error', '/status/500', 'ERROR_048', '(none)'),
    );
  });

  it('passes the documented 503 ERR899, fails a 503 with another code', () => {
    const body = responseExample(spec.operation(OPS.createV1), '503');
    expect(judge(check, OPS.createV1, 503, body)).toEqual(PASSED);
    expect(judge(check, OPS.createV1, 503, edited(body, '/error/code', 'ERR500'))).toEqual(
      failed(
        'undocumented-server-error',
        '/status/503',
        '503 only as documented, with error.code ERR899',
      ),
    );
  });
});

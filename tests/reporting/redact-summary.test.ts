import { REDACTED } from '../../engine/http/redact';
import { redactAll, redactSummary } from '../../reporting';
import {
  checkRecord,
  failureRecord,
  KEY_HEADER,
  runOf,
  SECOND_SECRET,
  SECRET,
  SECRETS,
  summary,
} from './fixtures';

test('every request of the summary has its key header redacted, without knowing the key', () => {
  const s = redactSummary(summary(), { keyHeader: KEY_HEADER });
  const [shrunk, sequence] = s.failures;
  expect(shrunk.request?.headers['x-api-key']).toBe(REDACTED);
  expect(shrunk.shrunk?.request.headers['x-api-key']).toBe(REDACTED);
  expect(sequence.request?.headers['X-API-Key']).toBe(REDACTED);
  expect(sequence.sequence?.steps.map((step) => step.request.headers)).toEqual([
    { 'x-api-key': REDACTED, 'content-type': 'application/json' },
    { 'x-api-key': REDACTED, 'content-type': 'application/json' },
    { 'X-API-Key': REDACTED },
  ]);
  expect(s.checks[6].error?.request?.headers['X-API-Key']).toBe(REDACTED);
  // The rest of each request as it was.
  expect(shrunk.shrunk?.request.body).toEqual({ leadOpportunity: { closeDate: '2025-13-45' } });
  expect(sequence.sequence?.steps[1].request.path).toBe(
    '/sales/api4partners/v1/leads-opportunities/{{id}}',
  );
});

test('the key is scrubbed wherever else it sits: messages, observations, responses, params', () => {
  const leaky = runOf(
    [
      checkRecord('op', 'x', 'failed', {
        failures: ['F1'],
        message: `got ${SECRET}`,
        observations: [`echoed ${SECOND_SECRET}`],
      }),
    ],
    [
      failureRecord('F1', 'op', 'x', {
        actual: `the key ${SECRET} in the body`,
        response: {
          status: 200,
          headers: { 'x-echo': SECRET },
          body: { key: SECRET },
          text: 'k',
          bytes: 1,
          durationMs: 1,
        },
        sequence: { name: 's', steps: [], params: { [SECRET]: SECOND_SECRET } },
      }),
    ],
    { observations: [{ text: `saw ${SECRET}`, count: 1 }] },
  );
  const out = JSON.stringify(redactAll(leaky, KEY_HEADER, SECRETS));
  expect(out).not.toContain('9f3b');
  expect(out).not.toContain('4d1e');
  const s = redactAll(leaky, KEY_HEADER, SECRETS);
  expect(s.checks[0].message).toBe(`got ${REDACTED}`);
  expect(s.checks[0].observations).toEqual([`echoed ${REDACTED}`]);
  expect(s.failures[0].actual).toBe(`the key ${REDACTED} in the body`);
  expect(s.failures[0].response?.headers).toEqual({ 'x-echo': REDACTED });
  expect(s.failures[0].response?.body).toEqual({ key: REDACTED });
  expect(s.failures[0].sequence?.params).toEqual({ [REDACTED]: REDACTED });
  expect(s.observations[0].text).toBe(`saw ${REDACTED}`);
});

test('redaction leaves its input alone and changes nothing without a key in it', () => {
  const input = summary();
  const before = JSON.stringify(input);
  redactAll(input, KEY_HEADER, SECRETS);
  expect(JSON.stringify(input)).toBe(before);
  const clean = runOf([checkRecord('op', 'x', 'passed')], [failureRecord('F1', 'op', 'x')]);
  expect(redactAll(clean, KEY_HEADER, SECRETS)).toEqual(clean);
});

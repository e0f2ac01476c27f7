import { deprecationHeaders } from '../../checks/deprecation-headers';
import type { OperationModel, SpecModel } from '../../model';

const ctx = (deprecated: boolean, headers: Record<string, string>) => ({
  spec: {} as SpecModel,
  op: { operationId: 'op', deprecated } as OperationModel,
  exchange: {
    startedAt: '',
    request: { method: 'GET', path: '/', headers: {} },
    response: { status: 200, headers, text: '', durationMs: 0 },
  },
});

describe('deprecation_signalling', () => {
  it('is advisory (skip, not fail) when a deprecated operation sends no header', () => {
    expect(deprecationHeaders(ctx(true, {})).kind).toBe('skip');
  });
  it('validates RFC 9745 Deprecation and RFC 8594 Sunset values', () => {
    expect(
      deprecationHeaders(
        ctx(true, { deprecation: '@1767225600', sunset: 'Wed, 31 Dec 2026 23:59:59 GMT' }),
      ).kind,
    ).toBe('pass');
    expect(deprecationHeaders(ctx(true, { deprecation: 'true' })).kind).toBe('fail');
    expect(deprecationHeaders(ctx(true, { sunset: 'soon' })).kind).toBe('fail');
  });
  it('fails when a current operation announces deprecation', () => {
    expect(deprecationHeaders(ctx(false, { deprecation: '@1767225600' })).kind).toBe('fail');
  });
});

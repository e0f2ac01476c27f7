import { requestWithId, roleOf } from '../model';
import { fail, pass, skip, type ScenarioCheck } from './types';

/**
 * The documented maintenance answer. Against the built-in mock its switch is turned on for one
 * request per operation; a remote target has no switch, and every 503 the run met there was
 * judged by the response checks (status, schema, ERR899).
 */
export const maintenance503: ScenarioCheck = {
  kind: 'scenario',
  name: 'maintenance_503',
  asserts:
    "in maintenance, every operation that documents a 503 answers it (its body and ERR899 are judged by the response checks); needs the mock's maintenance switch",
  appliesTo: (op) => op.responses['503'] !== undefined,
  async run(ctx) {
    if (!ctx.setMaintenance) {
      return ctx.record(
        skip(
          'the target has no maintenance switch: each 503 it answered was judged by the response checks',
        ),
      );
    }
    const valid = ctx.validRequest('maintenance').request;
    const request = ['read', 'update'].includes(roleOf(ctx.op))
      ? requestWithId(ctx.op, 'MAINT-000000', valid.body)
      : valid;
    ctx.setMaintenance(true);
    let exchange;
    try {
      exchange = await ctx.send(request, { expect503: true });
    } finally {
      ctx.setMaintenance(false);
    }
    if (!exchange) return;
    const { status } = exchange.response;
    ctx.record(
      status === 503
        ? pass('503 in maintenance')
        : fail({
            kind: 'not-in-maintenance',
            pointer: '/status',
            expected: '503 (503_ServiceUnavailable: "a maintenance on 3DS System")',
            actual: String(status),
            source: `${ctx.op.pointer}/responses/503`,
          }),
      [exchange],
    );
  },
};

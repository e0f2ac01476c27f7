import { judgeAuth, skipOnProductionWrites, steps } from './auth';
import type { ScenarioCheck } from './types';

/** A key the server does not know: 403, not 401 (the spec's 403_forbidden: "usage of invalid API-KEY"). */
export const authUnknownKey: ScenarioCheck = {
  kind: 'scenario',
  name: 'auth_unknown_key_403',
  asserts:
    'a request with an unknown API key is answered 403, not 401 (403_forbidden: "usage of invalid API-KEY")',
  appliesTo: () => true,
  sequences: {
    unknown_key: judgeAuth(
      403,
      '403_forbidden: "usage of invalid API-KEY"',
      'Access Forbidden. Typical reason could be usage of invalid API-KEY',
    ),
  },
  async run(ctx) {
    if (skipOnProductionWrites(ctx)) return;
    await ctx.sequence('unknown_key', steps(ctx, 'unknown'));
  },
};

import { judgeAuth, skipOnProductionWrites, steps } from './auth';
import type { ScenarioCheck } from './types';

/** No API key: 401, as the spec's 401_missing-apikey example shows. */
export const authMissingKey: ScenarioCheck = {
  kind: 'scenario',
  name: 'auth_missing_key_401',
  asserts: 'a request without an API key is answered 401 (401_missing-apikey)',
  appliesTo: () => true,
  sequences: {
    no_key: judgeAuth(401, '401_missing-apikey: "Missing API key in request"', 'Unauthorized'),
  },
  async run(ctx) {
    if (skipOnProductionWrites(ctx)) return;
    await ctx.sequence('no_key', steps(ctx, 'none'));
  },
};

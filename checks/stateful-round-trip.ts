import {
  requestFor,
  requestWithId,
  roleOf,
  type AnsweredExchange,
  type OperationModel,
} from '../model';
import {
  compareSentToRead,
  DATE_READ_AS_DAY,
  EMPTY_READ_AS_ABSENT,
  LIST_ORDER,
  ONLY_USED_FOR,
  PATCH_LISTS_REPLACE_OR_EXTEND,
  type Comparison,
  type Mismatch,
} from './compare-read';
import {
  asJson,
  createOf,
  createStep,
  forecastRulesOf,
  operationById,
  operationWith,
  readResource,
  readStep,
  RESOURCE,
  translator,
  withEveryItemValue,
} from './scenario-kit';
import {
  excusedPass,
  fail,
  pass,
  skip,
  type Excuse,
  type JudgeContext,
  type ScenarioCheck,
  type Verdict,
} from './types';

type Json = Record<string, unknown>;
const NAME = 'stateful_round_trip';

export const FORECAST_ON_UPDATE: Excuse = {
  name: 'forecastIgnoredOnUpdate',
  allows:
    'a forecastCategory after an update read back as before, as the creation rules would set it (WON/LOST by the system, empty for a lead), instead of as sent',
  when: 'the spec states the forecastCategory rules for creation and is silent on updates (a value the matrix allows for the status must still be kept)',
};

const FORECAST = 'forecastCategory';

/**
 * The forecastCategory a read may show after an update. The spec states its rules for creation
 * (a default per status, "set by the system" for WON and LOST, "ignored at creation" for the
 * lead statuses) and is silent on updates: a server may apply them again or not. What stays
 * strict: a value the matrix allows for the status, sent, is what is read.
 */
function forecastAfterUpdate(
  writer: OperationModel,
  status: unknown,
  sent: unknown,
  previous: unknown,
  read: unknown,
): { mismatch?: Mismatch; excuse?: [Excuse, string] } {
  const rules = forecastRulesOf(writer);
  const row = typeof status === 'string' ? rules.rows.get(status) : undefined;
  const ignored = typeof status === 'string' && rules.ignoredAtCreation.has(status);
  if (read === (sent ?? previous)) return {};
  const strict =
    row && !row.systemSet && sent !== undefined && row.allowed.includes(sent as string);
  const readings = [
    sent,
    previous,
    row?.default,
    ...(ignored ? [rules.empty, null, undefined] : []),
  ];
  if (!strict && readings.includes(read as string)) {
    return {
      excuse: [
        FORECAST_ON_UPDATE,
        `${String(status)}: read ${JSON.stringify(read)} (was ${JSON.stringify(previous)}, sent ${JSON.stringify(sent)})`,
      ],
    };
  }
  return {
    mismatch: {
      kind: 'changed-value',
      pointer: `/${RESOURCE}/${FORECAST}`,
      detail: `sent ${JSON.stringify(sent)} with status ${String(status)} (was ${JSON.stringify(previous)}), read ${JSON.stringify(read)}`,
    },
  };
}

/** At creation, forecastCategory is judged here only where the status takes a value as sent (creation_defaults judges the rest). */
function forecastAtCreation(
  writer: OperationModel,
  lead: Json,
  read: unknown,
): Mismatch | undefined {
  const rules = forecastRulesOf(writer);
  const row = typeof lead.status === 'string' ? rules.rows.get(lead.status) : undefined;
  const sent = lead[FORECAST];
  if (!row || row.systemSet || sent === undefined || read === sent) return undefined;
  return {
    kind: 'changed-value',
    pointer: `/${RESOURCE}/${FORECAST}`,
    detail: `sent ${JSON.stringify(sent)} with status ${String(lead.status)}, read ${JSON.stringify(read)}`,
  };
}

/** A judge's verdict from a comparison: the first difference names the failure. */
function verdictOf(
  comparison: Comparison,
  extra: { mismatch?: Mismatch; excuse?: [Excuse, string] },
  reader: OperationModel,
  what: string,
  source: string,
): Verdict {
  const mismatches = [...comparison.mismatches, ...(extra.mismatch ? [extra.mismatch] : [])];
  if (mismatches.length > 0) {
    const [first] = mismatches;
    return fail({
      kind: first.kind,
      pointer: first.pointer,
      expected: `${what}, read back through ${reader.operationId}`,
      actual: `${first.detail}${
        mismatches.length > 1
          ? ` (+${mismatches.length - 1} more: ${mismatches
              .slice(1, 3)
              .map((m) => m.pointer)
              .join(', ')})`
          : ''
      }`,
      source,
    });
  }
  const excuses = [...comparison.excuses.keys(), ...(extra.excuse ? [extra.excuse[0]] : [])];
  const note = comparison.setAside.length
    ? `set aside: ${comparison.setAside.join('; ')}`
    : 'read back as sent';
  return excuses.length > 0 ? excusedPass(excuses, note) : pass(note);
}

const readFailed = (exchange: AnsweredExchange, reader: OperationModel, what: string): Verdict =>
  fail({
    kind: 'unreadable',
    pointer: '/status',
    expected: `${reader.operationId} answers 200 for ${what}`,
    actual: String(exchange.response.status),
    source: `${reader.pointer}/responses/200`,
  });

/** Without its forecastCategory: judged on its own, by the status rules. */
function withoutForecast(body: Json): Json {
  const resource = asJson(body[RESOURCE]);
  if (!resource || !(FORECAST in resource)) return body;
  const rest = { ...resource };
  delete rest[FORECAST];
  return { ...body, [RESOURCE]: rest };
}

function judgeCreateThenRead(
  exchanges: AnsweredExchange[],
  params: Json,
  ctx: JudgeContext,
): Verdict {
  const [created, read] = exchanges;
  const writer = operationById(ctx, params.writer);
  const reader = operationById(ctx, params.reader);
  if (!writer || !reader || !created || !read) return skip('sequence incomplete');
  if (read.response.status !== 200) return readFailed(read, reader, 'an object just created');
  const sent = asJson(created.request.body) ?? {};
  const comparison = compareSentToRead(
    withoutForecast(sent),
    read.response.body,
    writer.requestBody?.json?.schema,
    reader.responses['200']?.json?.schema,
    { translate: translator(ctx.spec) },
  );
  const lead = asJson(sent[RESOURCE]) ?? {};
  const forecast = forecastAtCreation(writer, lead, readResource(read.response.body)?.[FORECAST]);
  return verdictOf(
    comparison,
    forecast ? { mismatch: forecast } : {},
    reader,
    `what ${writer.operationId} sent`,
    `${writer.pointer}/requestBody`,
  );
}

const TIMESTAMP = 'modifiedDate';

function judgePatchThenRead(
  exchanges: AnsweredExchange[],
  params: Json,
  ctx: JudgeContext,
): Verdict {
  const [, before, patched, after] = exchanges;
  const writer = operationById(ctx, params.writer);
  const reader = operationById(ctx, params.reader);
  if (!writer || !reader || !before || !patched || !after) return skip('sequence incomplete');
  if (before.response.status !== 200) return readFailed(before, reader, 'an object just created');
  if (patched.response.status !== 200) {
    return skip(
      `the update answered ${patched.response.status}: nothing to read back (positive_data_acceptance judges it)`,
    );
  }
  if (after.response.status !== 200) return readFailed(after, reader, 'an object just updated');
  const patch = asJson(patched.request.body) ?? {};
  const comparison = compareSentToRead(
    withoutForecast(patch),
    after.response.body,
    writer.requestBody?.json?.schema,
    reader.responses['200']?.json?.schema,
    { translate: translator(ctx.spec), allowExtraItems: true },
  );
  const previous = readResource(before.response.body) ?? {};
  const now = readResource(after.response.body) ?? {};
  const sentLead = asJson(patch[RESOURCE]) ?? {};
  const status = sentLead.status ?? previous.status;
  const forecast = forecastAfterUpdate(
    writer,
    status,
    sentLead[FORECAST],
    previous[FORECAST],
    now[FORECAST],
  );
  // Search on modifiedDate finds what changed: an update must move it.
  const [was, is] = [previous[TIMESTAMP], now[TIMESTAMP]];
  if (typeof was === 'string' && typeof is === 'string' && !(Date.parse(is) > Date.parse(was))) {
    comparison.mismatches.push({
      kind: 'changed-value',
      pointer: `/${RESOURCE}/${TIMESTAMP}`,
      detail: `${TIMESTAMP} did not move with the update: ${was} before, ${is} after`,
    });
  }
  return verdictOf(
    comparison,
    forecast,
    reader,
    `what ${writer.operationId} sent`,
    `${writer.pointer}/requestBody`,
  );
}

const idsIn = (body: unknown): string => JSON.stringify(body ?? null);

function judgeSearchFinds(exchanges: AnsweredExchange[], params: Json, ctx: JudgeContext): Verdict {
  const [created, search] = exchanges;
  if (!created || !search) return skip('sequence incomplete');
  const id = typeof params.id === 'string' ? params.id : undefined;
  const found =
    search.response.status === 200 &&
    id !== undefined &&
    idsIn(search.response.body).includes(`"${id}"`);
  if (found) return pass(`found by ${String(params.criterion)}`);
  return fail({
    kind: 'not-found',
    pointer: `/request/body/data/0/${String(params.criterion)}`,
    expected: `a search by ${String(params.criterion)} finds the object just created`,
    actual: `status ${search.response.status}, ${id ?? 'the object'} not in ${idsIn(search.response.body).slice(0, 160)}`,
    source: `${ctx.op.pointer}/requestBody`,
  });
}

/**
 * What was written can be read and found: create then read (every sent value the read can
 * carry comes back, translated between vocabularies as the spec's examples pair them);
 * update then read (every patched part persisted, modifiedDate moved); search by partner id
 * and by modifiedDate finds a new object.
 */
export const statefulRoundTrip: ScenarioCheck = {
  kind: 'scenario',
  name: NAME,
  asserts:
    'create then read gives back every sent value the read can carry (forecastCategory by the status rules); update then read shows every patched part and a later modifiedDate; search by partner id and by modifiedDate finds a new object',
  excuses: [
    PATCH_LISTS_REPLACE_OR_EXTEND,
    FORECAST_ON_UPDATE,
    DATE_READ_AS_DAY,
    LIST_ORDER,
    EMPTY_READ_AS_ABSENT,
    ONLY_USED_FOR,
  ],
  appliesTo: (op) => ['create', 'read', 'update', 'search'].includes(roleOf(op)),
  sequences: {
    create_then_read: judgeCreateThenRead,
    patch_then_read: judgePatchThenRead,
    search_finds: judgeSearchFinds,
  },
  async run(ctx) {
    if (!ctx.caps.writes)
      return ctx.record(skip('needs objects created by the run: no writes on production'));
    const role = roleOf(ctx.op);
    const create = role === 'create' ? ctx.op : createOf(ctx, ctx.op.version);
    if (!create) return ctx.record(skip('no create operation'));
    if (role === 'create' || role === 'read') {
      const reader = role === 'read' ? ctx.op : operationWith(ctx, ctx.op, 'read');
      if (!reader) return ctx.record(skip('no read operation for this resource and version'));
      return ctx.sequence(
        'create_then_read',
        [
          createStep(
            ctx,
            create,
            'rt',
            (body) => withEveryItemValue(body, create),
            undefined,
            'complete',
          ),
          readStep(reader),
        ],
        {
          writer: create.operationId,
          reader: reader.operationId,
        },
      );
    }
    if (role === 'update') {
      const reader = operationWith(ctx, ctx.op, 'read');
      if (!reader) return ctx.record(skip('no read operation for this resource and version'));
      const patch = createStep(
        ctx,
        ctx.op,
        'rt-patch',
        (body) => withEveryItemValue(body, ctx.op),
        '{{partnerId2}}',
        'complete',
      );
      return ctx.sequence(
        'patch_then_read',
        [
          createStep(ctx, create, 'rt', undefined, undefined, 'example'),
          readStep(reader),
          {
            ...patch,
            captures: undefined,
            request: { ...patch.request, path: requestWithId(ctx.op, '{{id}}').path },
            waitForTick: `/data/${RESOURCE}/${TIMESTAMP}`,
          },
          readStep(reader),
        ],
        { writer: ctx.op.operationId, reader: reader.operationId },
      );
    }
    // search
    const now = { fromDate: '{{now-3600}}', toDate: '{{now+3600}}' };
    for (const [criterion, item] of [
      ['partnerLeadOpportunityId', { partnerLeadOpportunityId: ['{{partnerId}}'] }],
      [TIMESTAMP, { [TIMESTAMP]: now }],
    ] as const) {
      await ctx.sequence(
        'search_finds',
        [
          createStep(ctx, create, 'rt-search', undefined, undefined, 'example'),
          {
            operationId: ctx.op.operationId,
            request: requestFor(ctx.op, { body: { data: [item] } }),
          },
        ],
        { criterion, id: '{{id}}' },
      );
    }
  },
};

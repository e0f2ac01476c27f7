import { SEARCH_MAX_WINDOW_MS } from '../../model';
import {
  descriptionOf,
  formatOf,
  isRecord,
  itemsOf,
  propertiesOf,
  requiredOf,
  type SchemaObject,
} from '../../model/schema-access';
import { FIELDS } from '../spec-fields';
import type { StoredObject } from '../store';
import type { Handler, MockState } from '../types';
import type { Violation } from '../violations';
import { bodyViolations, rejectAny } from './common';

/** A criterion that is a time range: its two date-time bounds, as its descriptions name them. */
interface Bounds {
  lower: string;
  upper: string;
  /** "All date-time values must be provided in UTC". */
  utcOnly: boolean;
}

export function boundsOf(schema: SchemaObject | undefined): Bounds | undefined {
  const dates = Object.entries(propertiesOf(schema)).filter(([, s]) => formatOf(s) === 'date-time');
  if (dates.length !== 2) return undefined;
  const named = (re: RegExp): string | undefined =>
    dates.find(([, s]) => re.test(descriptionOf(s)))?.[0];
  const required = requiredOf(schema);
  const lower = named(/lower bound/i) ?? required[0] ?? dates[0][0];
  const upper =
    named(/upper bound/i) ?? dates.map(([n]) => n).find((n) => n !== lower) ?? dates[1][0];
  return { lower, upper, utcOnly: dates.some(([, s]) => /\bUTC\b/.test(descriptionOf(s))) };
}

type Criterion = { name: string; value: unknown; bounds?: Bounds };

function criteriaOf(body: unknown, itemSchema: SchemaObject | undefined): Criterion[][] {
  const items =
    isRecord(body) && Array.isArray(body[FIELDS.data]) ? (body[FIELDS.data] as unknown[]) : [];
  const props = propertiesOf(itemSchema);
  return items.map((item) =>
    Object.entries(isRecord(item) ? item : {})
      .filter(([name]) => props[name] !== undefined)
      .map(([name, value]) => ({ name, value, bounds: boundsOf(props[name]) })),
  );
}

/** The rules written in the criteria's descriptions, checked once the body obeys its schema. */
function ruleViolations(state: MockState, criteria: Criterion[][]): Violation[] {
  if (criteria.length === 0) {
    return [
      {
        kind: 'search-no-criterion',
        pointer: `/body/${FIELDS.data}`,
        message: 'no search criterion',
      },
    ];
  }
  const out: Violation[] = [];
  criteria.forEach((item, i) => {
    for (const { name, value, bounds } of item) {
      if (!bounds || !isRecord(value)) continue;
      const at = `/body/${FIELDS.data}/${i}/${name}`;
      const [from, to] = [String(value[bounds.lower]), String(value[bounds.upper])];
      if (bounds.utcOnly && !(/z$/i.test(from) && /z$/i.test(to))) {
        out.push({
          kind: 'date-time-not-utc',
          pointer: at,
          message: `${at}: dates must be in UTC (Z)`,
        });
      }
      const span = Date.parse(to) - Date.parse(from);
      if (!(span > 0)) {
        out.push({
          kind: 'search-from-not-before-to',
          pointer: at,
          message: `${at}: ${bounds.lower} must be before ${bounds.upper}`,
        });
      } else if (span > SEARCH_MAX_WINDOW_MS && !state.faults.has('search-ignores-window')) {
        out.push({
          kind: 'search-window-too-long',
          pointer: at,
          message: `${at}: the window exceeds 7 days`,
        });
      }
    }
  });
  return out;
}

/** A criterion as a test on a stored object, its bounds parsed once per search. */
function predicateOf(criterion: Criterion, prefix = false): (object: StoredObject) => boolean {
  const { name, value, bounds } = criterion;
  if (bounds && isRecord(value)) {
    const [from, to] = [
      Date.parse(String(value[bounds.lower])),
      Date.parse(String(value[bounds.upper])),
    ];
    return (object) => {
      const have = object.fields[name];
      const t = typeof have === 'string' ? Date.parse(have) : NaN;
      return t >= from && t <= to;
    };
  }
  // No value is the empty string: `""` finds the objects without a partner id.
  const actual = (object: StoredObject): string => {
    const have = object.fields[name];
    return typeof have === 'string' ? have : '';
  };
  // The search-prefix-match fault: a criterion finds every id it starts.
  const matches = (wanted: unknown, have: string): boolean =>
    prefix && typeof wanted === 'string' && wanted !== ''
      ? have.startsWith(wanted)
      : wanted === have;
  if (Array.isArray(value)) return (object) => value.some((w) => matches(w, actual(object)));
  return (object) => matches(value, actual(object));
}

/** POST .../search: criteria ANDed over the caller's objects; the ids found, in creation order. */
export const searchHandler: Handler = (ctx, state) => {
  const { op, owner, body } = ctx;
  const rejected = rejectAny(state, op, bodyViolations(op, body));
  if (rejected) return rejected;
  const itemSchema = itemsOf(propertiesOf(op.requestBody?.json?.schema)[FIELDS.data]);
  const criteria = criteriaOf(body, itemSchema);
  const broken = rejectAny(state, op, ruleViolations(state, criteria));
  if (broken) return broken;

  const scope = state.faults.has('search-leaks-other-keys')
    ? state.store.list()
    : state.store.list(owner);
  const prefix = state.faults.has('search-prefix-match');
  const items = criteria.map((item) => item.map((c) => predicateOf(c, prefix)));
  const within = state.faults.has('search-or-criteria') ? 'some' : 'every';
  const ids = scope
    .filter((o) => items.every((tests) => tests[within]((test) => test(o))))
    .map((o) => o.id);
  return {
    status: 200,
    body: state.envelopes.success(op, 200, { data: [{ [FIELDS.dsId]: ids }] }),
  };
};

import fc from 'fast-check';
import { documentedOutcome, enumOf, type OperationModel } from '../model';
import { plansOf } from './invalid';
import { decodeParam, serializeParam } from './request/params';
import { requestFindings } from './request/findings';
import { withValueAt } from './request/pointer';
import { validRequestOf } from './request/valid';
import { PARTNER_ID_PROPERTY } from './rules';
import { typesOf } from './schema';
import type { GeneratorOptions, InvalidSample, RequestSample } from './types';
import { walkValue, type ValueSite } from './walk';

/** Request pointers with list indices generalised: the place a value sits, whatever its item. */
export const placeOf = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

/** A seed per name, so adding a place does not change what another place draws. */
function seedOf(seed: number, name: string): number {
  let h = seed >>> 0;
  for (const ch of name) h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return h;
}

/** Requests with every place the schema defines: every property present, every list non-empty. */
const basesCache = new WeakMap<OperationModel, Map<string, RequestSample[]>>();

function completeBases(
  op: OperationModel,
  options: GeneratorOptions,
  seed: number,
  count: number,
): RequestSample[] {
  const key = `${JSON.stringify(options)}|${seed}|${count}`;
  let byKey = basesCache.get(op);
  if (!byKey) basesCache.set(op, (byKey = new Map()));
  let bases = byKey.get(key);
  if (!bases) {
    bases = fc.sample(validRequestOf(op, { ...options, complete: true }), { seed, numRuns: count });
    byKey.set(key, bases);
  }
  return bases;
}

/**
 * One invalid request per rule and place the schemas and descriptions define (Schemathesis'
 * coverage phase): each required property missing at every depth, each type, enum, format,
 * pattern, bound and minItems broken, each description rule and HTTP-level problem. Each
 * breaks that one rule only and is labelled with it.
 */
export function invalidCoverage(
  op: OperationModel,
  options: GeneratorOptions,
  seed: number,
): InvalidSample[] {
  const out: InvalidSample[] = [];
  const seen = new Set<string>();
  // A few complete requests: nullable places are null in some, present in others.
  for (const base of completeBases(op, options, seed, 4)) {
    for (const plan of plansOf(op, base, options)) {
      const key = `${plan.kind} ${placeOf(plan.pointer)}`;
      if (seen.has(key)) continue;
      const mutation = plan.build();
      if (!mutation) continue;
      seen.add(key);
      const [applied] = fc.sample(mutation.apply, { seed: seedOf(seed, key), numRuns: 1 });
      out.push({
        ...applied.sample,
        violation: mutation.kind,
        pointer: mutation.pointer,
        expected: documentedOutcome(op, mutation.kind, mutation.pointer, mutation.format),
        reason: `${mutation.pointer}: ${applied.reason}`,
        base,
      });
    }
  }
  return out;
}

/** Every enum-valued place of a request (body and parameters), with its values. */
export function enumPlaces(
  op: OperationModel,
  sample: RequestSample,
): Map<string, { values: unknown[]; list: boolean }> {
  const out = new Map<string, { values: unknown[]; list: boolean }>();
  const visit = (site: ValueSite): void => {
    const values = enumOf(site.schema);
    if (!values) return;
    out.set(placeOf(site.at), { values, list: /\/\*$/.test(placeOf(site.at)) });
  };
  const media = op.requestBody?.json;
  if (media && sample.body !== undefined)
    walkValue(media.schema, sample.body, { at: '/body', pointer: media.schemaPointer }, visit);
  for (const p of op.parameters) {
    if (p.in !== 'query' && p.in !== 'path') continue;
    const raw = (p.in === 'query' ? sample.query : sample.pathParams)[p.name];
    if (raw !== undefined)
      walkValue(
        p.schema,
        decodeParam(p, raw),
        { at: `/${p.in}/${p.name}`, pointer: p.schemaPointer },
        visit,
      );
  }
  return out;
}

/** The values each enum place holds in these requests. */
export function enumValuesSent(
  op: OperationModel,
  samples: RequestSample[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const sample of samples) {
    const media = op.requestBody?.json;
    const visit = (site: ValueSite): void => {
      if (!site.present || !enumOf(site.schema)) return;
      const place = placeOf(site.at);
      const set = out.get(place) ?? new Set<string>();
      set.add(JSON.stringify(site.value));
      out.set(place, set);
    };
    if (media && sample.body !== undefined)
      walkValue(media.schema, sample.body, { at: '/body', pointer: media.schemaPointer }, visit);
    for (const p of op.parameters) {
      const raw = p.in === 'query' ? sample.query[p.name] : undefined;
      if (raw !== undefined)
        walkValue(
          p.schema,
          decodeParam(p, raw),
          { at: `/query/${p.name}`, pointer: p.schemaPointer },
          visit,
        );
    }
  }
  return out;
}

/** Set `value` at every place matching `place` (a pointer whose `*` stands for every list item). */
function setAtPlace(
  sample: RequestSample,
  place: string,
  value: unknown,
): RequestSample | undefined {
  const [, root, ...segments] = place.split('/');
  let hits = 0;
  const expand = (prefix: string, node: unknown, rest: string[]): string[] => {
    if (rest.length === 0) return [prefix];
    const [head, ...tail] = rest;
    if (head === '*') {
      if (!Array.isArray(node)) return [];
      return node.flatMap((item, i) => expand(`${prefix}/${i}`, item, tail));
    }
    if (typeof node !== 'object' || node === null)
      return tail.length === 0 ? [`${prefix}/${head}`] : [];
    return expand(`${prefix}/${head}`, (node as Record<string, unknown>)[head], tail);
  };
  const start = root === 'body' ? sample.body : root === 'query' ? sample.query : sample.pathParams;
  let out = sample;
  for (const pointer of expand(`/${root}`, start, segments)) {
    out = withValueAt(out, pointer, root === 'body' ? value : serializeParam(value));
    hits++;
  }
  return hits > 0 ? out : undefined;
}

/** Free text with characters beyond ASCII (accents, CJK, right-to-left): JSON strings are Unicode. */
const NON_ASCII_TEXT = 'Bäckerei Müller – 東京支店 – مشروع جديد';
/** Long enough to overflow the text columns of a database a server might store into. */
const LONG_TEXT = Array.from({ length: 40 }, (_, i) => `Projekt ${i} Big-Picture Topic`)
  .join(' ')
  .slice(0, 1000);

/** Places holding free text: strings with no enum, format, pattern or length limit, and not an id that must be unique. */
function freeTextPlaces(op: OperationModel, sample: RequestSample): string[] {
  const out = new Set<string>();
  const media = op.requestBody?.json;
  if (!media || sample.body === undefined) return [];
  walkValue(media.schema, sample.body, { at: '/body', pointer: media.schemaPointer }, (site) => {
    const s = site.schema;
    const isText = (typesOf(s) ?? []).includes('string') && typeof site.value === 'string';
    const free =
      !s.enum && !s.format && !s.pattern && s.maxLength === undefined && s.minLength === undefined;
    if (isText && free && site.propertyName !== PARTNER_ID_PROPERTY) out.add(placeOf(site.at));
  });
  return [...out];
}

/**
 * Valid requests with every free-text field long (1000 characters) or in non-ASCII text:
 * values a conforming server stores as sent, which crash careless ones.
 */
function textCoverage(
  op: OperationModel,
  bases: RequestSample[],
  options: GeneratorOptions,
): RequestSample[] {
  const out: RequestSample[] = [];
  for (const text of [LONG_TEXT, NON_ASCII_TEXT]) {
    for (const base of bases) {
      const places = freeTextPlaces(op, base);
      if (places.length === 0) break;
      const candidate = places.reduce<RequestSample | undefined>(
        (s, place) => (s ? setAtPlace(s, place, text) : s),
        base,
      );
      if (candidate && requestFindings(op, candidate, options).length === 0) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

/** Values per request for a list of enum values: a list may carry many at once. */
const LIST_CHUNK = 12;

/**
 * Valid requests that carry every enum value `sent` did not (a scalar value per request, the
 * values of a list of enums together), and free text long and non-ASCII. Each is a complete
 * valid request (schema and description rules), so a conforming server accepts it.
 */
export function validCoverage(
  op: OperationModel,
  sent: RequestSample[],
  options: GeneratorOptions,
  seed: number,
): RequestSample[] {
  return validCoverageBeyond(op, enumValuesSent(op, sent), options, seed);
}

/** validCoverage, given the enum values already sent (enumValuesSent): all it depends on of them. */
export function validCoverageBeyond(
  op: OperationModel,
  seen: Map<string, Set<string>>,
  options: GeneratorOptions,
  seed: number,
): RequestSample[] {
  const bases = completeBases(op, options, seed, 12);
  if (bases.length === 0) return [];
  const out: RequestSample[] = [];
  out.push(...textCoverage(op, bases, options));
  const places = enumPlaces(op, bases[0]);
  for (const [place, { values, list }] of places) {
    const missing = values.filter((v) => !seen.get(place)?.has(JSON.stringify(v)));
    if (missing.length === 0) continue;
    // A list of enums is set whole, at its parent place; a scalar one value at a time.
    const target = list ? place.replace(/\/\*$/, '') : place;
    const groups = list
      ? Array.from({ length: Math.ceil(missing.length / LIST_CHUNK) }, (_, i) =>
          missing.slice(i * LIST_CHUNK, (i + 1) * LIST_CHUNK),
        )
      : missing.map((v) => v);
    for (const group of groups) {
      for (const base of bases) {
        const candidate = setAtPlace(base, target, group);
        if (candidate && requestFindings(op, candidate, options).length === 0) {
          out.push(candidate);
          break;
        }
      }
    }
  }
  return out;
}

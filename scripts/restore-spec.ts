/**
 * Restores the indentation of spec/received/openapi.flattened.yaml.txt (a js-yaml 4 `dump` whose
 * lines were all left-stripped and whose blank lines were dropped) and writes spec/openapi.yaml.
 *
 *   npm run restore:spec                       # restore + verify, write spec/openapi.yaml
 *   npm run restore:spec -- --explain          # also print every placement that had alternatives
 *
 * How it works (see spec/RESTORATION.md for the full write-up):
 *  - Every received line is parsed as a YAML entry (`key: value`, `key:`, `key: >-`, `- item`, ...)
 *    or, inside a block scalar, as raw text. A line is only accepted as an entry if js-yaml would
 *    have written exactly that text for the key / value it denotes.
 *  - A depth-first search assigns each entry to one of the open collections (a stack of frames).
 *    Each frame has an OpenAPI 3.1 / JSON Schema context which says which keys it accepts and what
 *    shape their values have, so most lines have a single legal place.
 *  - Every scalar is re-dumped at the width its column implies (js-yaml: max(40, 80 - indent)):
 *    a plain or quoted value must fit, a `>-` value must not, and the fold points of every block
 *    scalar must be reproduced exactly. This pins the depth of all long texts.
 *  - Where several places stay legal, documented preference rules (and, last, a small override
 *    table) decide; every such decision is recorded so that it can be reviewed.
 *  - The document is then assembled, loaded, and written back as `yaml.dump(doc)`, and checked to
 *    flatten back to the received text. Exception: three block scalars in components/schemas were
 *    evidently re-wrapped by hand (no string at their column makes js-yaml break them where the
 *    received text does); those keep their received line breaks, so faithfulness holds, and the
 *    js-yaml checks are made with exactly those three values masked.
 *
 * Preference rules, applied in this order when a line has several legal places:
 *   override table > R0 (paths / status codes / media types go to their maps) > R0b (a fixed field
 *   of an OpenAPI object beats a user-chosen name in a generic map) > R1 (Redoc x-logo / x-tagGroups)
 *   > R2 (`required` goes to the schema whose properties it lists) > R3 (a referenced schema name
 *   opens a component schema) > R4 (example payload keys go where the illustrated schema declares
 *   them) > R5 (info / error / errors / data are siblings) > deepest (continue the current object).
 */
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const ROOT = path.join(__dirname, '..');
const RECEIVED_PATH = path.join(ROOT, 'spec', 'received', 'openapi.flattened.yaml.txt');
const OUTPUT_PATH = path.join(ROOT, 'spec', 'openapi.yaml');

// ---------------------------------------------------------------------------------------------
// Hand-made decisions. Each entry places the entry found on a received line (1-based line number,
// the text is asserted) into the collection named by a JSON pointer, where the structural rules
// below leave several legal places and nothing in the text (fold widths, key sets) decides.
// ---------------------------------------------------------------------------------------------
interface Override {
  line: number;
  text: string;
  /** JSON pointer of the mapping / sequence the entry must go into. */
  into: string;
  why: string;
}

const EX400_WHY =
  'echo of the rejected request body: `leadOpportunity` holds exactly the lead-opportunity_attributes ' +
  'keys (up to `currency`); offerLines / customerLegalEntity / contacts are its siblings, as in the ' +
  'request schemas (post_/patch_leads-opportunities_data*)';

const OVERRIDES: Override[] = [
  // 400 example of POST v0 /leads-opportunities
  ...[167, 171].map((line, i) => ({
    line,
    text: ['offerLines:', 'customerLegalEntity:'][i],
    into: '/paths/~1sales~1api4partners~1v0~1leads-opportunities/post/responses/400/content/application~1json/examples/400_leadsOpportunitiesCreateResponse/value/data',
    why: EX400_WHY,
  })),
  // 400 example of PATCH v0 /leads-opportunities/{id}
  ...[488, 492, 505, 512].map((line, i) => ({
    line,
    text: ['offerLines:', 'customerLegalEntity:', 'customerContact:', 'partnerContact:'][i],
    into: '/paths/~1sales~1api4partners~1v0~1leads-opportunities~1{id}/patch/responses/400/content/application~1json/examples/400_leadsOpportunitiesCreateResponse/value/data',
    why: EX400_WHY,
  })),
  // 400 example of POST v1 /leads-opportunities
  ...[1475, 1479].map((line, i) => ({
    line,
    text: ['offerLines:', 'customerLegalEntity:'][i],
    into: '/paths/~1sales~1api4partners~1v1~1leads-opportunities/post/responses/400/content/application~1json/examples/400_leadsOpportunitiesCreateResponse/value/data',
    why: EX400_WHY,
  })),
  // 400 example of PATCH v1 /leads-opportunities/{id}
  ...[1791, 1795, 1808, 1815].map((line, i) => ({
    line,
    text: ['offerLines:', 'customerLegalEntity:', 'customerContact:', 'partnerContact:'][i],
    into: '/paths/~1sales~1api4partners~1v1~1leads-opportunities~1{id}/patch/responses/400/content/application~1json/examples/400_leadsOpportunitiesCreateResponse/value/data',
    why: EX400_WHY,
  })),
  {
    line: 3413,
    text: 'anyOf:',
    into: '/components/schemas/post_leads-opportunities_search/properties/data/items',
    why:
      'the anyOf alternatives require `modifiedDate` / `partnerLeadOpportunityId`, which are the ' +
      'properties of the `data` items (and the request examples send one criterion per item)',
  },
];

/**
 * Folded-scalar lines that were "more indented" in the original string (their leading spaces are
 * lost in the flattened text). Lines longer than the fold width that contain spaces are detected
 * automatically (js-yaml would have folded them otherwise); these are the sibling sub-bullets of
 * such a line, which fit the width and so are not forced either way.
 */
const MORE_INDENTED: Record<number, { text: string; prefix: string }> = {
  3404: { text: '- Set the exact id searched for (e.g "PARTNER-ID-1234")', prefix: '  ' },
  3409: { text: '- Simply set an empty string ("")', prefix: '  ' },
};
/**
 * Cost of a block scalar whose received line breaks js-yaml would not reproduce at its column
 * (see RESTORATION.md: a few texts were re-wrapped by hand). Each content line that could also be
 * read as a YAML entry costs 1, so a block is never stretched over real entries just to find an
 * exact re-dump.
 */
const INEXACT_BLOCK_COST = 2.5;
/**
 * Line breaks (rather than folds) before these lines, where the fold width allows both readings
 * and the document's own parallel text shows a line break.
 */
const FORCED_BREAKS: Record<number, string> = {
  2330:
    'components/schemas/reason_won/description: same sentence as lead-opportunity_attributes/' +
    'properties/reasonWon/description, where "_Note_ :" provably starts a new line',
};
/** Indentation given to automatically detected more-indented lines (markdown nested list). */
const AUTO_MORE_INDENT = '  ';

// ---------------------------------------------------------------------------------------------
// js-yaml helpers
// ---------------------------------------------------------------------------------------------
const flatten = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trimStart())
    .filter((l) => l !== '')
    .join('\n');

/** Fold width js-yaml uses for a value whose key (or dash) sits at column `col`. */
const widthAt = (col: number): number => Math.max(40, 80 - (col + 2));

const dumpCache = new Map<string, string>();
/** Flattened text js-yaml writes for `value` when its key (or dash) sits at column `col`. */
function dumpValueAt(value: unknown, col: number): string {
  const w = widthAt(col);
  const cacheKey = `${w}\u0000${JSON.stringify(value)}`;
  let out = dumpCache.get(cacheKey);
  if (out === undefined) {
    // A top-level scalar is written with indent 2, i.e. at width lineWidth - 2.
    out = flatten(yaml.dump(value, { lineWidth: w + 2 }));
    dumpCache.set(cacheKey, out);
  }
  return out;
}

function tryLoad(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: yaml.load(text) };
  } catch {
    return { ok: false };
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing one received line as a YAML entry
// ---------------------------------------------------------------------------------------------
type Value =
  { t: 'open' } | { t: 'block'; header: string } | { t: 'scalar'; text: string; value: unknown };
type Item = { t: 'key'; key: string; value: Value } | { t: 'dash'; item: Item } | Value;

const BLOCK_HEADER = /^[|>][1-9]?[-+]?$/;

function parseValue(text: string): Value | null {
  if (text === '') return { t: 'open' };
  if (BLOCK_HEADER.test(text)) return { t: 'block', header: text };
  const loaded = tryLoad(text);
  if (!loaded.ok || loaded.value instanceof Date) return null;
  return { t: 'scalar', text, value: loaded.value };
}

/** `key: value` / `key:` as js-yaml writes it, or null. */
function parseKeyEntry(text: string): { t: 'key'; key: string; value: Value } | null {
  let end: number; // index of the ':' that ends the key
  if (text[0] === "'") {
    let i = 1;
    for (;;) {
      if (i >= text.length) return null;
      if (text[i] === "'") {
        if (text[i + 1] === "'") i += 2;
        else break;
      } else i++;
    }
    end = i + 1;
  } else if (text[0] === '"') {
    let i = 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) return null;
    end = i + 1;
  } else {
    const sep = text.indexOf(': ');
    end = sep >= 0 ? sep : text.endsWith(':') ? text.length - 1 : -1;
    if (end <= 0) return null;
  }
  if (text[end] !== ':' || (end + 1 < text.length && text[end + 1] !== ' ')) return null;
  const keyText = text.slice(0, end);
  const loaded = tryLoad(keyText);
  if (!loaded.ok || loaded.value === null || typeof loaded.value === 'object') return null;
  const key = String(loaded.value);
  // js-yaml must write this very key text.
  if (yaml.dump({ [key]: 0 }) !== `${keyText}: 0\n`) return null;
  const value = parseValue(text.slice(end + 2));
  return value ? { t: 'key', key, value } : null;
}

function parseItem(text: string): Item | null {
  if (text.startsWith('- ')) {
    const inner = parseItem(text.slice(2));
    return inner ? { t: 'dash', item: inner } : null;
  }
  const entry = parseKeyEntry(text);
  if (entry) return entry;
  const value = parseValue(text);
  return value && value.t !== 'open' ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Contexts: what each OpenAPI / JSON Schema object accepts
// ---------------------------------------------------------------------------------------------
type Ctx =
  | 'root'
  | 'info'
  | 'license'
  | 'contact'
  | 'xLogo'
  | 'servers'
  | 'server'
  | 'securityReqs'
  | 'securityReq'
  | 'strSeq'
  | 'tags'
  | 'tag'
  | 'tagGroups'
  | 'tagGroup'
  | 'externalDocs'
  | 'paths'
  | 'pathItem'
  | 'operation'
  | 'parameters'
  | 'parameter'
  | 'requestBody'
  | 'content'
  | 'mediaType'
  | 'examplesMap'
  | 'example'
  | 'responses'
  | 'response'
  | 'headersMap'
  | 'header'
  | 'components'
  | 'schemasMap'
  | 'securitySchemes'
  | 'securityScheme'
  | 'schema'
  | 'schemaSeq'
  | 'propsMap'
  | 'enumDesc'
  | 'any'
  | 'anySeq';

/** Allowed value shapes: scalar (incl. block scalars), mapping context, sequence context. */
interface Shape {
  s?: boolean;
  m?: Ctx;
  q?: Ctx;
}
const S: Shape = { s: true };
const ANY: Shape = { s: true, m: 'any', q: 'anySeq' };
const M = (m: Ctx): Shape => ({ m });
const Q = (q: Ctx): Shape => ({ q });

const schemaKeys: Record<string, Shape> = {
  $ref: S,
  $id: S,
  $schema: S,
  $comment: S,
  title: S,
  description: S,
  format: S,
  pattern: S,
  type: { s: true, q: 'strSeq' },
  properties: M('propsMap'),
  items: M('schema'),
  required: Q('strSeq'),
  enum: Q('anySeq'),
  'x-enumDescriptions': M('enumDesc'),
  example: ANY,
  examples: Q('anySeq'),
  default: ANY,
  const: ANY,
  allOf: Q('schemaSeq'),
  oneOf: Q('schemaSeq'),
  anyOf: Q('schemaSeq'),
  not: M('schema'),
  additionalProperties: { s: true, m: 'schema' },
  minLength: S,
  maxLength: S,
  minimum: S,
  maximum: S,
  exclusiveMinimum: S,
  exclusiveMaximum: S,
  multipleOf: S,
  minItems: S,
  maxItems: S,
  uniqueItems: S,
  minProperties: S,
  maxProperties: S,
  deprecated: S,
  nullable: S,
  readOnly: S,
  writeOnly: S,
  discriminator: M('any'),
  xml: M('any'),
  externalDocs: M('externalDocs'),
};

const mapKeys: Partial<Record<Ctx, Record<string, Shape>>> = {
  root: {
    openapi: S,
    info: M('info'),
    jsonSchemaDialect: S,
    servers: Q('servers'),
    paths: M('paths'),
    webhooks: M('paths'),
    components: M('components'),
    security: Q('securityReqs'),
    tags: Q('tags'),
    externalDocs: M('externalDocs'),
    'x-tagGroups': Q('tagGroups'),
  },
  info: {
    title: S,
    summary: S,
    description: S,
    termsOfService: S,
    contact: M('contact'),
    license: M('license'),
    version: S,
    'x-logo': M('xLogo'),
  },
  license: { name: S, identifier: S, url: S },
  contact: { name: S, url: S, email: S },
  xLogo: { url: S, altText: S, backgroundColor: S, href: S },
  server: { url: S, description: S, variables: M('any') },
  tag: { name: S, description: S, externalDocs: M('externalDocs'), 'x-displayName': S },
  tagGroup: { name: S, tags: Q('strSeq') },
  externalDocs: { description: S, url: S },
  pathItem: {
    $ref: S,
    summary: S,
    description: S,
    get: M('operation'),
    put: M('operation'),
    post: M('operation'),
    delete: M('operation'),
    options: M('operation'),
    head: M('operation'),
    patch: M('operation'),
    trace: M('operation'),
    servers: Q('servers'),
    parameters: Q('parameters'),
  },
  operation: {
    tags: Q('strSeq'),
    summary: S,
    description: S,
    externalDocs: M('externalDocs'),
    operationId: S,
    parameters: Q('parameters'),
    requestBody: M('requestBody'),
    responses: M('responses'),
    callbacks: M('any'),
    deprecated: S,
    security: Q('securityReqs'),
    servers: Q('servers'),
  },
  parameter: {
    $ref: S,
    name: S,
    in: S,
    description: S,
    required: S,
    deprecated: S,
    allowEmptyValue: S,
    style: S,
    explode: S,
    allowReserved: S,
    schema: M('schema'),
    example: ANY,
    examples: M('examplesMap'),
    content: M('content'),
  },
  requestBody: { $ref: S, description: S, content: M('content'), required: S },
  mediaType: { schema: M('schema'), example: ANY, examples: M('examplesMap'), encoding: M('any') },
  example: { $ref: S, summary: S, description: S, value: ANY, externalValue: S },
  response: {
    $ref: S,
    description: S,
    headers: M('headersMap'),
    content: M('content'),
    links: M('any'),
  },
  header: {
    $ref: S,
    description: S,
    required: S,
    deprecated: S,
    style: S,
    explode: S,
    schema: M('schema'),
    example: ANY,
    examples: M('examplesMap'),
    content: M('content'),
  },
  components: {
    schemas: M('schemasMap'),
    responses: M('any'),
    parameters: M('any'),
    examples: M('examplesMap'),
    requestBodies: M('any'),
    headers: M('any'),
    securitySchemes: M('securitySchemes'),
    links: M('any'),
    callbacks: M('any'),
    pathItems: M('any'),
  },
  securityScheme: {
    type: S,
    description: S,
    name: S,
    in: S,
    scheme: S,
    bearerFormat: S,
    flows: M('any'),
    openIdConnectUrl: S,
  },
  schema: schemaKeys,
};

/** Mappings whose keys are names chosen by the author, with the shape of every value. */
const namedMaps: Partial<Record<Ctx, { key: RegExp; value: Shape }>> = {
  paths: { key: /^\//, value: M('pathItem') },
  content: { key: /^[\w.+*-]+\/[\w.+*-]+$/, value: M('mediaType') },
  examplesMap: { key: /./, value: M('example') },
  responses: { key: /^([1-5](\d\d|XX)|default)$/, value: M('response') },
  headersMap: { key: /^[A-Za-z0-9-]+$/, value: M('header') },
  schemasMap: { key: /^[\w.-]+$/, value: M('schema') },
  propsMap: { key: /./, value: M('schema') },
  securitySchemes: { key: /^[\w.-]+$/, value: M('securityScheme') },
  securityReq: { key: /./, value: Q('strSeq') },
  enumDesc: { key: /./, value: S },
  any: { key: /./, value: ANY },
};

const seqItems: Partial<Record<Ctx, Shape>> = {
  servers: M('server'),
  securityReqs: M('securityReq'),
  strSeq: S,
  tags: M('tag'),
  tagGroups: M('tagGroup'),
  parameters: M('parameter'),
  schemaSeq: M('schema'),
  anySeq: ANY,
};

/** OpenAPI objects with a fixed set of fields (JSON Schema excluded: property names collide). */
const OPENAPI_FIXED = new Set<Ctx>([
  'root',
  'info',
  'license',
  'contact',
  'server',
  'tag',
  'externalDocs',
  'pathItem',
  'operation',
  'parameter',
  'requestBody',
  'mediaType',
  'example',
  'response',
  'header',
  'components',
  'securityScheme',
]);
/** Objects that also accept `x-*` specification extensions. */
const EXTENSIBLE = new Set<Ctx>([...OPENAPI_FIXED, 'schema']);

/** OpenAPI 3.1: parameters and headers have `schema` or `content`, never both; same for
 *  `example` / `examples` in parameters, headers and media types. */
const SCHEMA_XOR_CONTENT = {
  schema: ['content'],
  content: ['schema'],
  example: ['examples'],
  examples: ['example'],
};
const EXCLUSIVE: Partial<Record<Ctx, Record<string, string[]>>> = {
  parameter: SCHEMA_XOR_CONTENT,
  header: SCHEMA_XOR_CONTENT,
  mediaType: { example: ['examples'], examples: ['example'] },
};

const SPECIFIC_NAME_MAPS: Ctx[] = ['paths', 'responses', 'content'];
const GENERIC_NAME_MAPS: Ctx[] = [
  'examplesMap',
  'headersMap',
  'propsMap',
  'schemasMap',
  'securitySchemes',
  'enumDesc',
];
function keyShape(ctx: Ctx, key: string): Shape | null {
  const fixed = mapKeys[ctx];
  if (fixed) {
    if (Object.prototype.hasOwnProperty.call(fixed, key)) return fixed[key];
    if (key.startsWith('x-') && EXTENSIBLE.has(ctx)) return ANY;
    return null;
  }
  const named = namedMaps[ctx];
  if (named) return named.key.test(key) ? named.value : null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Search state
// ---------------------------------------------------------------------------------------------
type Seg = string | number;
interface Frame {
  kind: 'map' | 'seq';
  col: number;
  ctx: Ctx;
  path: readonly Seg[];
  keys: readonly string[];
  count: number;
  /** scalar items of a sequence (used for enum / required lists) */
  scalars: readonly unknown[];
  /** schema frames: property names, once their `properties` mapping is closed */
  propKeys?: readonly string[];
  /** schema frames: enum values, once their `enum` sequence is closed */
  enumVals?: readonly unknown[];
  /** media type frames: the schema $ref they declare */
  schemaRef?: string;
  /** example payload frames: the (resolved) schema the payload illustrates, when known */
  schema?: SchemaNode;
}
interface Pending {
  col: number;
  shape: Shape;
  path: readonly Seg[];
  schema?: SchemaNode;
}
interface State {
  frames: readonly Frame[];
  pending: Pending | null;
}
type LineRec = { kind: 'entry'; col: number; block?: BlockRec } | { kind: 'content' };
interface BlockRec {
  header: string;
  value: string;
  /** js-yaml reproduces the received line breaks at this column */
  exact: boolean;
  path: readonly Seg[];
  content: string[];
  joins: ('\n' | ' ')[];
}
interface Decision {
  line: number;
  text: string;
  chosen: string;
  /** other legal places for this line, best first */
  alternatives: string[];
  /** the deepest legal place (what plain "continue the current object" would give) */
  deepest: string;
  rule: string;
}
interface Alt {
  state: State;
  next: number;
  recs: LineRec[];
  decision?: Decision;
}

type SchemaNode = Record<string, unknown>;

const escapeSeg = (s: Seg): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (segs: readonly Seg[]): string => segs.map((s) => '/' + escapeSeg(s)).join('');

// ---------------------------------------------------------------------------------------------
// Knowledge gathered from the whole received text before the search
// ---------------------------------------------------------------------------------------------
const SCHEMA_FIRST_KEYS = /^(type|\$ref|oneOf|allOf|anyOf|enum|format|items|properties):/;

interface Knowledge {
  lines: string[];
  /** names used as `#/components/schemas/<name>` */
  schemaRefs: Set<string>;
  /** property names declared somewhere (`name:` followed by a schema keyword) */
  dataKeys: Set<string>;
  /** schema guidance for example payloads (second pass only) */
  guide: Guide | null;
}
interface Guide {
  schemas: Record<string, SchemaNode>;
  /** components.examples name -> schema name of the media types that reference it */
  componentExampleSchema: Map<string, string>;
}

function gatherKnowledge(lines: string[]): Knowledge {
  const schemaRefs = new Set<string>();
  for (const l of lines) {
    const m = /#\/components\/schemas\/([^'"\s]+)/.exec(l);
    if (m) schemaRefs.add(m[1]);
  }
  const dataKeys = new Set<string>();
  lines.forEach((l, i) => {
    const e = parseKeyEntry(l);
    if (e && e.value.t === 'open' && SCHEMA_FIRST_KEYS.test(lines[i + 1] ?? ''))
      dataKeys.add(e.key);
  });
  return { lines, schemaRefs, dataKeys, guide: null };
}

// Resolution of schemas for example guidance --------------------------------------------------
function resolveSchema(guide: Guide, node: unknown, depth = 0): SchemaNode | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node) || depth > 20) return undefined;
  const n = node as SchemaNode;
  if (typeof n.$ref === 'string') {
    const name = n.$ref.replace('#/components/schemas/', '');
    return resolveSchema(guide, guide.schemas[name], depth + 1);
  }
  return n;
}
function schemaProps(guide: Guide, node: SchemaNode | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!node) return out;
  const props = node.properties;
  if (props && typeof props === 'object') Object.assign(out, props);
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    const list = node[k];
    if (Array.isArray(list)) {
      for (const sub of list) Object.assign(out, schemaProps(guide, resolveSchema(guide, sub)));
    }
  }
  return out;
}
function childSchema(
  guide: Guide | null,
  node: SchemaNode | undefined,
  key: Seg,
): SchemaNode | undefined {
  if (!guide || !node) return undefined;
  if (typeof key === 'number') return resolveSchema(guide, node.items);
  return resolveSchema(guide, schemaProps(guide, node)[key]);
}

// ---------------------------------------------------------------------------------------------
// Block scalars
// ---------------------------------------------------------------------------------------------
function firstWord(s: string): string {
  const i = s.indexOf(' ');
  return i < 0 ? s : s.slice(0, i);
}

/**
 * Rebuilds the string of a block scalar from its flattened lines for a given fold width, telling
 * for each pair of consecutive lines whether it is a line break or a fold.
 */
function rebuildBlockJoins(
  header: string,
  content: string[],
  firstLine: number,
  w: number,
): { value: string; joins: ('\n' | ' ')[] } {
  const joins: ('\n' | ' ')[] = [];
  const keep = header.includes('+');
  const strip = header.includes('-');
  const lines = content.map((text, k) => {
    const forced = MORE_INDENTED[firstLine + k];
    if (forced) return forced.prefix + text;
    // A normal folded line longer than the width with a break opportunity cannot exist.
    if (header[0] === '>' && text.length > w && / [^ ]/.test(text)) return AUTO_MORE_INDENT + text;
    return text;
  });
  let body: string;
  if (header[0] === '|') {
    body = lines.join('\n');
  } else {
    body = lines[0];
    for (let k = 1; k < lines.length; k++) {
      const prev = lines[k - 1];
      const cur = lines[k];
      const moreIndented = prev.startsWith(' ') || cur.startsWith(' ');
      // Greedy folding would have put the next word on the previous line if it fitted: so if it
      // fits, the author wrote a line break there; otherwise it is read as a fold.
      const fits = prev.length + 1 + firstWord(cur).length <= w;
      const join = moreIndented || fits || FORCED_BREAKS[firstLine + k] ? '\n' : ' ';
      joins.push(join);
      body += join + cur;
    }
  }
  if (header[0] === '|') for (let k = 1; k < lines.length; k++) joins.push('\n');
  return { value: keep ? body + '\n\n' : strip ? body : body + '\n', joins };
}

/**
 * For a block whose received breaks js-yaml does not reproduce at its column (re-wrapped by hand),
 * reads the breaks at the narrowest width that does reproduce them: the text was evidently wrapped
 * at that width, so a line that could have taken the next word ends a paragraph.
 */
function rebuildAtImpliedWidth(
  header: string,
  content: string[],
  firstLine: number,
): ReturnType<typeof rebuildBlockJoins> | null {
  const expected = [header, ...content].join('\n');
  for (let w = Math.max(40, ...content.map((l) => l.length)); w <= 200; w++) {
    const r = rebuildBlockJoins(header, content, firstLine, w);
    if (flatten(yaml.dump(r.value, { lineWidth: w + 2 })) === expected) return r;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The search
// ---------------------------------------------------------------------------------------------
class Restorer {
  private readonly k: Knowledge;
  private readonly lines: string[];
  private readonly parsed: (Item | null)[];
  steps = 0;
  furthest = 0;

  constructor(k: Knowledge) {
    this.k = k;
    this.lines = k.lines;
    this.parsed = k.lines.map((l) => parseItem(l));
  }

  private opensBlock(i: number): boolean {
    let p = this.parsed[i];
    while (p && p.t === 'dash') p = p.item;
    return p !== null && ((p.t === 'key' && p.value.t === 'block') || p.t === 'block');
  }

  private isEntry(i: number): boolean {
    const p = this.parsed[i];
    return p !== null && (p.t === 'key' || p.t === 'dash');
  }

  run(): { recs: LineRec[]; decisions: Decision[] } {
    interface Choice {
      line: number;
      alts: Alt[];
      idx: number;
    }
    const initial: State = { frames: [], pending: { col: 0, shape: M('root'), path: [] } };
    const stack: Choice[] = [{ line: 0, alts: this.expand(0, initial), idx: 0 }];
    for (;;) {
      const top = stack[stack.length - 1];
      if (top.idx >= top.alts.length) {
        stack.pop();
        if (stack.length === 0)
          throw new Error(`no restoration found (furthest line ${this.furthest + 1})`);
        stack[stack.length - 1].idx++;
        continue;
      }
      if (++this.steps > 2_000_000)
        throw new Error(
          `search budget exhausted at line ${top.line + 1} (furthest ${this.furthest + 1})`,
        );
      const alt = top.alts[top.idx];
      this.furthest = Math.max(this.furthest, alt.next);
      if (alt.next >= this.lines.length) {
        if (alt.state.pending) {
          top.idx++;
          continue;
        }
        const recs: LineRec[] = [];
        const decisions: Decision[] = [];
        for (const c of stack) {
          const a = c.alts[c.idx];
          recs.push(...a.recs);
          if (a.decision) decisions.push(a.decision);
        }
        return { recs, decisions };
      }
      stack.push({ line: alt.next, alts: this.expand(alt.next, alt.state), idx: 0 });
    }
  }

  /** All ways to place line `i`, best first. */
  private expand(i: number, st: State): Alt[] {
    const item = this.parsed[i];
    if (!item) return [];
    if (st.pending) {
      const p = st.pending;
      if (item.t === 'key' && p.shape.m) {
        const frame = newFrame('map', p.col, p.shape.m, p.path, p.schema);
        return startAt(p.col, this.placeKey(i, [...st.frames, frame], item.key, item.value, true));
      }
      if (item.t === 'dash' && p.shape.q) {
        const frame = newFrame('seq', p.col, p.shape.q, p.path, p.schema);
        return startAt(p.col, this.placeItem(i, [...st.frames, frame], item.item, 0));
      }
      return [];
    }
    if (item.t !== 'key' && item.t !== 'dash') return [];
    // Candidate collections, deepest first.
    const cands: { idx: number; alts: Alt[] }[] = [];
    for (let f = st.frames.length - 1; f >= 0; f--) {
      const frame = st.frames[f];
      if (item.t === 'key' && frame.kind === 'map') {
        const frames = closeTo(st.frames, f);
        if (!frames) break; // a frame that would be closed is incomplete: no shallower place either
        const alts = startAt(frame.col, this.placeKey(i, frames, item.key, item.value, false));
        if (alts.length) cands.push({ idx: f, alts });
      } else if (item.t === 'dash' && frame.kind === 'seq') {
        const frames = closeTo(st.frames, f);
        if (!frames) break;
        const alts = startAt(frame.col, this.placeItem(i, frames, item.item, 0));
        if (alts.length) cands.push({ idx: f, alts });
      }
    }
    if (cands.length <= 1) return cands.flatMap((c) => c.alts);
    const { order, rule } = this.prefer(
      i,
      item,
      st.frames,
      cands.map((c) => c.idx),
    );
    if (order.length === 0) return [];
    const sorted = order.map((idx) => cands.find((c) => c.idx === idx)!);
    const where = (f: number): string =>
      pointer([...st.frames[f].path, item.t === 'key' ? item.key : st.frames[f].count]);
    const decision: Decision = {
      line: i + 1,
      text: this.lines[i],
      chosen: where(sorted[0].idx),
      alternatives: sorted.slice(1).map((c) => where(c.idx)),
      deepest: where(cands[0].idx),
      rule,
    };
    const out: Alt[] = [];
    sorted.forEach((c) => c.alts.forEach((a) => out.push({ ...a, decision })));
    return out;
  }

  /** Orders candidate frames (given deepest first) by the preference rules. */
  private prefer(
    i: number,
    item: Item,
    frames: readonly Frame[],
    cands: number[],
  ): { order: number[]; rule: string } {
    const first = (idx: number, rule: string) => ({
      order: [idx, ...cands.filter((c) => c !== idx)],
      rule,
    });
    const override = OVERRIDES.find((o) => o.line === i + 1);
    if (override) {
      if (override.text !== this.lines[i])
        throw new Error(`override for line ${i + 1} does not match its text`);
      const idx = cands.find((c) => pointer(frames[c].path) === override.into);
      // Not a legal place in this branch of the search: the branch is wrong.
      if (idx === undefined) return { order: [], rule: 'override' };
      return { order: [idx], rule: `override: ${override.why}` };
    }
    if (item.t === 'dash') {
      // R4 for list items: an object item goes to the deepest list whose item schema declares its
      // first key (e.g. a second search criterion is a new `data` item, not a string of the first).
      const g = this.k.guide;
      const firstKey = item.item.t === 'key' ? item.item.key : undefined;
      if (g && firstKey !== undefined) {
        const idx = cands.find((c) => {
          const itemSchema = childSchema(g, frames[c].schema, 0);
          return (
            frames[c].ctx === 'anySeq' &&
            itemSchema !== undefined &&
            firstKey in schemaProps(g, itemSchema)
          );
        });
        if (idx !== undefined)
          return first(idx, 'R4 item declared by the schema this example payload illustrates');
      }
      return { order: cands, rule: 'deepest' };
    }
    if (item.t !== 'key') return { order: cands, rule: 'deepest' };
    const key = item.key;
    const ctxOf = (c: number) => frames[c].ctx;

    // R0: a name of a specific form (path, HTTP status code, media type) goes to the map of such names.
    const specific = cands.find((c) => SPECIFIC_NAME_MAPS.includes(ctxOf(c)));
    if (specific !== undefined) return first(specific, `R0 ${ctxOf(specific)} name`);
    // R0b: a fixed field of an OpenAPI object (get, content, headers, examples, ...) is that field,
    // not a user-chosen name in a generic map (example / header / property / schema names).
    const fixed = cands.find(
      (c) =>
        OPENAPI_FIXED.has(ctxOf(c)) && Object.prototype.hasOwnProperty.call(mapKeys[ctxOf(c)], key),
    );
    if (fixed !== undefined && cands.some((c) => GENERIC_NAME_MAPS.includes(ctxOf(c)))) {
      return first(fixed, `R0b fixed field of ${ctxOf(fixed)}`);
    }

    // R1 (Redoc vendor extensions): x-logo belongs to info, x-tagGroups to the root.
    const vendor: Record<string, Ctx> = { 'x-logo': 'info', 'x-tagGroups': 'root' };
    if (vendor[key]) {
      const idx = cands.find((c) => ctxOf(c) === vendor[key]);
      if (idx !== undefined) return first(idx, `R1 ${key} is a Redoc extension of ${vendor[key]}`);
    }
    // R2: `required` goes to the schema whose properties it names (ties: deepest).
    if (key === 'required' && cands.every((c) => ctxOf(c) === 'schema')) {
      const names = this.lookaheadList(i);
      let best = cands[0];
      let bestScore = -1;
      for (const c of cands) {
        const props = propsOf(frames, c);
        const score = names.filter((n) => props.includes(n)).length;
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      return first(best, `R2 required [${names.join(', ')}] names properties of that schema`);
    }
    // R3: a name used as #/components/schemas/<name> opens a new component schema (unless its
    // value is itself just a $ref, i.e. a property referring to that schema).
    const schemasIdx = cands.find((c) => ctxOf(c) === 'schemasMap');
    if (
      schemasIdx !== undefined &&
      this.k.schemaRefs.has(key) &&
      !/^\$ref:/.test(this.lines[i + 1] ?? '')
    ) {
      return first(schemasIdx, 'R3 referenced component schema name');
    }
    // R4 (example guidance, second pass): the deepest payload object whose schema declares the key.
    if (this.k.guide) {
      const idx = cands.find((c) => {
        const sch = frames[c].schema;
        return ctxOf(c) === 'any' && sch !== undefined && key in schemaProps(this.k.guide!, sch);
      });
      if (idx !== undefined)
        return first(idx, 'R4 declared by the schema this example payload illustrates');
    }
    // R5 (response envelope): info / error / errors / data are siblings, never nested in one another.
    const ENVELOPE = ['info', 'error', 'errors', 'data'];
    if (ENVELOPE.includes(key)) {
      const idx = cands.find(
        (c) =>
          (ctxOf(c) === 'any' || ctxOf(c) === 'propsMap') &&
          !frames[c].path.some(
            (s, n) =>
              n > 0 &&
              typeof s === 'string' &&
              ENVELOPE.includes(s) &&
              isPayloadSeg(frames[c].path, n),
          ),
      );
      if (idx !== undefined) return first(idx, 'R5 response envelope keys are siblings');
    }
    return { order: cands, rule: 'deepest' };
  }

  /** `- name` scalars that follow line i (the items of a list being opened). */
  private lookaheadList(i: number): string[] {
    const out: string[] = [];
    for (let j = i + 1; j < this.lines.length && /^- [^ ]+$/.test(this.lines[j]); j++)
      out.push(this.lines[j].slice(2));
    return out;
  }

  /** Places `key: value` into the map frame on top of `frames`. */
  private placeKey(i: number, frames: Frame[], key: string, value: Value, forced: boolean): Alt[] {
    const f = frames[frames.length - 1];
    if (f.keys.includes(key)) return [];
    const shape = keyShape(f.ctx, key);
    if (!shape) return [];
    const exclusive = EXCLUSIVE[f.ctx]?.[key];
    if (exclusive && f.keys.some((k) => exclusive.includes(k))) return [];
    // Example payloads: a key that is not a declared data name cannot be appended to an open
    // payload object (it would swallow the rest of the document: anything is legal in there).
    if (f.ctx === 'any' && !forced && !this.k.dataKeys.has(key)) return [];
    if (f.ctx === 'enumDesc') {
      const owner = frames[frames.length - 2];
      if (owner?.enumVals && !owner.enumVals.includes(key)) return [];
    }
    const path = [...f.path, key];
    const updated: Frame = { ...f, keys: [...f.keys, key] };
    const base = [...frames.slice(0, -1), updated];
    // A schema's $ref under a media type tells which schema its examples illustrate.
    if (key === '$ref' && value.t !== 'open' && frames.length >= 2) {
      const parent = frames[frames.length - 2];
      if (parent.ctx === 'mediaType' && f.ctx === 'schema') {
        // a folded `$ref: >-` holds a single long token on the next line
        const ref = value.t === 'scalar' ? String(value.value) : (this.lines[i + 1] ?? '');
        base[base.length - 2] = { ...parent, schemaRef: ref };
      }
    }
    const schema = this.payloadSchema(frames, key, f);
    return this.placeValue(i, base, f.col, shape, value, path, schema);
  }

  /** Schema illustrated by the payload that starts at `key` of frame f (second pass only). */
  private payloadSchema(frames: Frame[], key: Seg, f: Frame): SchemaNode | undefined {
    const g = this.k.guide;
    if (!g) return undefined;
    if (f.ctx === 'example' && key === 'value') {
      // inline example: examplesMap -> mediaType ; component example: examplesMap -> components
      const exMap = frames[frames.length - 2];
      const owner = frames[frames.length - 3];
      let ref: string | undefined;
      if (owner?.ctx === 'mediaType') ref = owner.schemaRef;
      else if (owner?.ctx === 'components' && exMap?.ctx === 'examplesMap') {
        ref = g.componentExampleSchema.get(String(f.path[f.path.length - 1]));
      }
      if (!ref) return undefined;
      return resolveSchema(g, { $ref: ref });
    }
    if (f.ctx === 'any' || f.ctx === 'anySeq') return childSchema(g, f.schema, key);
    return undefined;
  }

  /** Places a sequence item into the seq frame on top of `frames`. */
  private placeItem(i: number, frames: Frame[], item: Item, depth: number): Alt[] {
    const f = frames[frames.length - 1];
    const shape = seqItems[f.ctx];
    if (!shape) return [];
    const index = f.count;
    const path = [...f.path, index];
    const scalars = item.t === 'scalar' ? [...f.scalars, item.value] : f.scalars;
    const base = [...frames.slice(0, -1), { ...f, count: f.count + 1, scalars }];
    const schema =
      this.k.guide && f.ctx === 'anySeq' ? childSchema(this.k.guide, f.schema, index) : undefined;
    if (item.t === 'key') {
      if (!shape.m) return [];
      const inner = newFrame('map', f.col + 2, shape.m, path, schema);
      return this.placeKey(i, [...base, inner], item.key, item.value, true);
    }
    if (item.t === 'dash') {
      if (!shape.q || depth > 5) return [];
      const inner = newFrame('seq', f.col + 2, shape.q, path, schema);
      return this.placeItem(i, [...base, inner], item.item, depth + 1);
    }
    return this.placeValue(i, base, f.col, shape, item, path, schema);
  }

  /** Places the value of an entry whose key / dash sits at column `col`. */
  private placeValue(
    i: number,
    frames: Frame[],
    col: number,
    shape: Shape,
    value: Value,
    path: Seg[],
    schema: SchemaNode | undefined,
  ): Alt[] {
    const entry: LineRec = { kind: 'entry', col };
    if (value.t === 'open') {
      if (!shape.m && !shape.q) return [];
      const next = this.parsed[i + 1];
      if (!next || (next.t === 'key' && !shape.m) || (next.t === 'dash' && !shape.q)) return [];
      if (next.t !== 'key' && next.t !== 'dash') return [];
      return [
        {
          state: { frames, pending: { col: col + 2, shape, path, schema } },
          next: i + 1,
          recs: [entry],
        },
      ];
    }
    if (value.t === 'scalar') {
      const v = value.value;
      const isMap = v !== null && typeof v === 'object' && !Array.isArray(v);
      const ok = Array.isArray(v) ? shape.q : isMap ? shape.m : shape.s;
      if (!ok) return [];
      if (dumpValueAt(v, col) !== value.text) return [];
      return [{ state: { frames, pending: null }, next: i + 1, recs: [entry] }];
    }
    // block scalar: try every extent, shortest first
    if (!shape.s) return [];
    const out: { alt: Alt; cost: number }[] = [];
    const w = widthAt(col);
    let entryLike = 0;
    for (let end = i + 2; end <= Math.min(this.lines.length, i + 60); end++) {
      const content = this.lines.slice(i + 1, end);
      if (this.isEntry(end - 1)) entryLike++;
      // a line that opens a block scalar itself is never read as text of another one
      if (this.opensBlock(end - 1)) break;
      // the block must end where an entry can start
      if (end < this.lines.length && !this.isEntry(end)) continue;
      let rebuilt = rebuildBlockJoins(value.header, content, i + 2, w);
      const exact = dumpValueAt(rebuilt.value, col) === [value.header, ...content].join('\n');
      if (!exact) rebuilt = rebuildAtImpliedWidth(value.header, content, i + 2) ?? rebuilt;
      out.push({
        cost: entryLike + (exact ? 0 : INEXACT_BLOCK_COST),
        alt: {
          state: { frames, pending: null },
          next: end,
          recs: [
            {
              kind: 'entry',
              col,
              block: { header: value.header, exact, path, content, ...rebuilt },
            },
            ...content.map((): LineRec => ({ kind: 'content' })),
          ],
        },
      });
    }
    return out.sort((a, b) => a.cost - b.cost || a.alt.next - b.alt.next).map((o) => o.alt);
  }
}

/** Whether path segment n is a name inside a payload (example value or properties map). */
function isPayloadSeg(p: readonly Seg[], n: number): boolean {
  const prev = p[n - 1];
  if (prev === 'properties') return true;
  for (let m = n - 1; m >= 0; m--) if (p[m] === 'value') return true;
  return false;
}

/** Records the column a line starts at (a `- key: v` line starts at its dash, not at its key). */
function startAt(col: number, alts: Alt[]): Alt[] {
  return alts.map((a) => {
    const [first, ...rest] = a.recs;
    return first.kind === 'entry' ? { ...a, recs: [{ ...first, col }, ...rest] } : a;
  });
}

function newFrame(
  kind: 'map' | 'seq',
  col: number,
  ctx: Ctx,
  p: readonly Seg[],
  schema?: SchemaNode,
): Frame {
  return { kind, col, ctx, path: p, keys: [], count: 0, scalars: [], schema };
}

/** Keys an object must have before it can be closed (OpenAPI 3.1 required fields). */
const COMPLETE: Partial<Record<Ctx, string[][]>> = {
  example: [['value', '$ref', 'externalValue']],
  response: [['description', '$ref']],
  parameter: [
    ['name', '$ref'],
    ['in', '$ref'],
  ],
  header: [['schema', 'content', '$ref']],
  operation: [['responses']],
  requestBody: [['content', '$ref']],
  info: [['title'], ['version']],
  license: [['name']],
  server: [['url']],
  tag: [['name']],
  securityScheme: [['type']],
};
const isComplete = (f: Frame): boolean =>
  (COMPLETE[f.ctx] ?? []).every((anyOf) => anyOf.some((k) => f.keys.includes(k)));

/** Closes every frame above index f, recording what their parents need to know; null if one of
 *  them is an incomplete OpenAPI object. */
function closeTo(frames: readonly Frame[], f: number): Frame[] | null {
  const out = frames.slice();
  while (out.length > f + 1) {
    const top = out.pop()!;
    if (!isComplete(top)) return null;
    const parent = out[out.length - 1];
    const lastSeg = top.path[top.path.length - 1];
    if (parent.ctx === 'schema' && lastSeg === 'properties')
      out[out.length - 1] = { ...parent, propKeys: top.keys };
    if (parent.ctx === 'schema' && lastSeg === 'enum')
      out[out.length - 1] = { ...parent, enumVals: top.scalars };
  }
  return out;
}

/** Property names of schema frame c (its properties map may still be open above it). */
function propsOf(frames: readonly Frame[], c: number): readonly string[] {
  const child = frames[c + 1];
  if (child && child.ctx === 'propsMap' && child.path.length === frames[c].path.length + 1)
    return child.keys;
  return frames[c].propKeys ?? [];
}

// ---------------------------------------------------------------------------------------------
// Assembly and verification
// ---------------------------------------------------------------------------------------------
function assemble(lines: string[], recs: LineRec[]): string {
  const out: string[] = [];
  lines.forEach((text, i) => {
    const r = recs[i];
    if (r.kind === 'content') return;
    let t = text;
    if (r.block)
      t = text.slice(0, text.length - r.block.header.length) + JSON.stringify(r.block.value);
    out.push(' '.repeat(r.col) + t);
  });
  return out.join('\n') + '\n';
}

function countOperations(doc: Record<string, unknown>): number {
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  return Object.values(paths).reduce((n, item) => n + methods.filter((m) => m in item).length, 0);
}

function unresolvedRefs(doc: unknown): string[] {
  const bad: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string') {
      let target: unknown = doc;
      for (const seg of ref.replace(/^#\//, '').split('/')) {
        const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
        target =
          target && typeof target === 'object'
            ? (target as Record<string, unknown>)[key]
            : undefined;
      }
      if (target === undefined) bad.push(ref);
    }
    Object.values(node).forEach(walk);
  };
  walk(doc);
  return bad;
}

interface Restored {
  doc: Record<string, unknown>;
  /** block scalars whose received line breaks js-yaml does not reproduce at their column */
  rewrapped: BlockRec[];
  /** 1-based numbers of the received lines that are text of block scalars */
  blockContentLines: Set<number>;
  decisions: Decision[];
  steps: number;
}

function restore(k: Knowledge): Restored {
  const r = new Restorer(k);
  const { recs, decisions } = r.run();
  const doc = yaml.load(assemble(k.lines, recs)) as Record<string, unknown>;
  const rewrapped: BlockRec[] = [];
  for (const rec of recs)
    if (rec.kind === 'entry' && rec.block && !rec.block.exact) rewrapped.push(rec.block);
  const blockContentLines = new Set<number>();
  recs.forEach((rec, i) => rec.kind === 'content' && blockContentLines.add(i + 1));
  return { doc, rewrapped, blockContentLines, decisions, steps: r.steps };
}

const placeholder = (n: number): string => `@@REWRAPPED_${n}@@`;

function setAt(root: unknown, p: readonly Seg[], value: unknown): void {
  let node = root as Record<string, unknown>;
  p.slice(0, -1).forEach((seg) => (node = node[String(seg)] as Record<string, unknown>));
  node[String(p[p.length - 1])] = value;
}

/**
 * The output: `yaml.dump(doc)`, except that the few hand-re-wrapped block scalars keep their
 * received line breaks (js-yaml would fold them elsewhere, which would break faithfulness).
 */
function writeDocument(doc: Record<string, unknown>, rewrapped: BlockRec[]): string {
  const copy = structuredClone(doc);
  rewrapped.forEach((b, n) => setAt(copy, b.path, placeholder(n)));
  let text = yaml.dump(copy);
  rewrapped.forEach((b, n) => {
    const marker = `'${placeholder(n)}'`;
    const at = text.indexOf(marker);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const indent = ' '.repeat(text.slice(lineStart).search(/[^ -]/) + 2);
    const body: string[] = [];
    b.content.forEach((line, k) => {
      if (k > 0 && b.joins[k - 1] === '\n' && b.header[0] === '>') body.push('');
      body.push(indent + line);
    });
    text = text.slice(0, at) + b.header + '\n' + body.join('\n') + text.slice(at + marker.length);
  });
  return text;
}

/** Same text with each re-wrapped block replaced by its placeholder: what js-yaml must match. */
function neutralise(text: string, rewrapped: BlockRec[]): string {
  const lines = text.split('\n');
  rewrapped.forEach((b, n) => {
    const first = lines.findIndex(
      (l, i) => l.trimStart() === b.content[0] && /[>|][-+]?$/.test(lines[i - 1] ?? ''),
    );
    let last = first;
    for (let k = 1; k < b.content.length; k++) {
      while (lines[last + 1] === '') last++;
      if (lines[last + 1]?.trimStart() !== b.content[k])
        throw new Error(`re-wrapped block ${n} not found`);
      last++;
    }
    lines[first - 1] = lines[first - 1].replace(/[>|][-+]?$/, `'${placeholder(n)}'`);
    lines.splice(first, last - first + 1);
  });
  return lines.join('\n');
}

function buildGuide(doc: Record<string, unknown>): Guide {
  const components = (doc.components ?? {}) as Record<string, unknown>;
  const schemas = (components.schemas ?? {}) as Record<string, SchemaNode>;
  const componentExampleSchema = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    const schema = n.schema as Record<string, unknown> | undefined;
    const examples = n.examples as Record<string, Record<string, unknown>> | undefined;
    if (schema && typeof schema.$ref === 'string' && examples && typeof examples === 'object') {
      for (const ex of Object.values(examples)) {
        if (ex && typeof ex.$ref === 'string' && ex.$ref.startsWith('#/components/examples/')) {
          componentExampleSchema.set(ex.$ref.slice('#/components/examples/'.length), schema.$ref);
        }
      }
    }
    Object.values(n).forEach(walk);
  };
  walk(doc.paths);
  return { schemas, componentExampleSchema };
}

function main(): void {
  const explain = process.argv.includes('--explain');
  const received = fs.readFileSync(RECEIVED_PATH, 'utf8');
  const lines = received.split('\n');
  if (lines.some((l) => l === '' || l !== l.trimStart()))
    throw new Error('received text is not flattened');

  const knowledge = gatherKnowledge(lines);
  // Pass 1 without example guidance, then with the schemas found by the previous pass, to a fixpoint.
  let result = restore(knowledge);
  for (let pass = 2; pass <= 5; pass++) {
    const next = restore({ ...knowledge, guide: buildGuide(result.doc) });
    const same = JSON.stringify(next.doc) === JSON.stringify(result.doc);
    result = next;
    if (same) break;
  }
  const { doc, rewrapped, decisions } = result;
  const text = writeDocument(doc, rewrapped);

  const problems: string[] = [];
  // (a) faithfulness
  if (flatten(text) !== received) problems.push('flattened output differs from the received text');
  if (JSON.stringify(yaml.load(text)) !== JSON.stringify(doc))
    problems.push('output does not load as the restored document');
  // (b) + (c): js-yaml reproduces everything but the re-wrapped blocks
  const masked = structuredClone(doc);
  rewrapped.forEach((b, n) => setAt(masked, b.path, placeholder(n)));
  const redump = yaml.dump(masked, { lineWidth: 80 });
  if (flatten(redump) !== neutralise(received, rewrapped))
    problems.push('js-yaml re-dump differs from the received text');
  if (redump !== neutralise(text, rewrapped))
    problems.push('output is not a js-yaml dump of itself');
  const bad = unresolvedRefs(doc);
  if (bad.length) problems.push(`unresolved $ref: ${bad.join(', ')}`);
  const ops = countOperations(doc);
  if (ops !== 8) problems.push(`expected 8 operations, found ${ops}`);

  // every hand-made decision must have been used, on the line it names
  for (const o of OVERRIDES) {
    if (!decisions.some((d) => d.line === o.line && d.rule.startsWith('override')))
      problems.push(`override for line ${o.line} unused`);
  }
  for (const n of [...Object.keys(MORE_INDENTED), ...Object.keys(FORCED_BREAKS)].map(Number)) {
    if (!result.blockContentLines.has(n))
      problems.push(`block-text decision for line ${n} does not fall in a block scalar`);
  }
  for (const [n, m] of Object.entries(MORE_INDENTED)) {
    if (lines[Number(n) - 1] !== m.text)
      problems.push(`MORE_INDENTED line ${n} does not match its text`);
  }

  const decisionsFile = process.argv
    .find((a) => a.startsWith('--decisions='))
    ?.slice('--decisions='.length);
  if (decisionsFile) fs.writeFileSync(decisionsFile, JSON.stringify(decisions, null, 1));
  if (explain) {
    for (const d of decisions) {
      console.log(`${d.line}\t${d.text}\n\t-> ${d.chosen}   [${d.rule}]`);
      for (const a of d.alternatives) console.log(`\t   (not ${a})`);
    }
  }
  console.log(`search steps: ${result.steps}, placements with alternatives: ${decisions.length}`);
  for (const b of rewrapped) {
    console.log(
      `re-wrapped by hand (kept as received): ${pointer(b.path)} = ${JSON.stringify(b.value)}`,
    );
  }
  fs.writeFileSync(OUTPUT_PATH, text);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
    return;
  }
  console.log(
    `wrote ${path.relative(ROOT, OUTPUT_PATH)} (${text.split('\n').length - 1} lines, ${ops} operations)`,
  );
}

main();

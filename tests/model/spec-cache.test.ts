import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { sampleInvalid, sampleValid } from '../../generators';
import { loadSpec, type SpecModel } from '../../model';
import { DEFAULT_SPEC_PATH } from '../../model/load-spec';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

/*
 * Loading the spec keeps its parsed, validated and dereferenced documents and ajv's standalone
 * code of its validators, so the next process skips both. What a kept validator says must be what
 * a freshly compiled one says, and nothing kept may change what a spec's errors are.
 */

let cacheRoot: string;
const previous = process.env.CONFORMANCE_CACHE_DIR;

beforeEach(() => {
  cacheRoot = mkdtempSync(path.join(tmpdir(), 'spec-cache-'));
  process.env.CONFORMANCE_CACHE_DIR = cacheRoot;
});

afterEach(() => {
  rmSync(cacheRoot, { recursive: true, force: true });
  if (previous === undefined) delete process.env.CONFORMANCE_CACHE_DIR;
  else process.env.CONFORMANCE_CACHE_DIR = previous;
});

let template: string | undefined;

/** This test's cache as one load of the spec leaves it (made once, then copied). */
async function populated(): Promise<void> {
  if (!template) {
    template = mkdtempSync(path.join(tmpdir(), 'spec-cache-template-'));
    process.env.CONFORMANCE_CACHE_DIR = template;
    await loadSpec(DEFAULT_SPEC_PATH);
    process.env.CONFORMANCE_CACHE_DIR = cacheRoot;
  }
  cpSync(template, cacheRoot, { recursive: true });
}

afterAll(() => {
  if (template) rmSync(template, { recursive: true, force: true });
});

/** Every validator the model holds, by pointer. */
function validatorsOf(spec: SpecModel): Map<string, ValidateFunction> {
  const out = new Map<string, ValidateFunction>();
  for (const op of spec.operations) {
    for (const p of op.parameters) out.set(p.schemaPointer, p.validate);
    if (op.requestBody?.json)
      out.set(op.requestBody.json.schemaPointer, op.requestBody.json.validate);
    for (const response of Object.values(op.responses)) {
      for (const media of response.contents) out.set(media.schemaPointer, media.validate);
      for (const h of response.headers) out.set(h.schemaPointer, h.validate);
    }
  }
  return out;
}

/** ajv keeps a compiled validator's code on it (`source`); one loaded from kept code has none. */
const fromKeptCode = (v: ValidateFunction): boolean => !('source' in v) || v.source === undefined;

/** Values to judge: each example, broken in every simple way, and generated requests. */
function valuesFor(spec: SpecModel): unknown[] {
  const values: unknown[] = [null, {}, [], 'text', 0, -1.5, true, { unknown: 1 }];
  const broken = (value: unknown): unknown[] => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [value];
    const obj = value as Record<string, unknown>;
    return [
      obj,
      ...Object.keys(obj).flatMap((key) => {
        const { [key]: _dropped, ...without } = obj;
        return [without, { ...obj, [key]: 12345 }, { ...obj, [key]: 'x' }, { ...obj, [key]: null }];
      }),
    ];
  };
  for (const op of spec.operations) {
    for (const response of Object.values(op.responses))
      for (const media of response.contents)
        for (const example of media.examples) values.push(...broken(example.value));
    if (op.requestBody?.json) {
      for (const example of op.requestBody.json.examples) values.push(...broken(example.value));
      values.push(...sampleValid(op, { seed: 5, count: 10 }).map((r) => r.body));
      values.push(...sampleInvalid(op, { seed: 5, count: 20 }).map((r) => r.body));
    }
  }
  return values;
}

describe('the spec cache', () => {
  it('a second load uses the kept validators, and they judge every value as compiled ones do', async () => {
    const compiled = await loadSpec(DEFAULT_SPEC_PATH);
    const kept = await loadSpec(DEFAULT_SPEC_PATH);
    const fresh = validatorsOf(compiled);
    const loaded = validatorsOf(kept);
    expect([...fresh.values()].some(fromKeptCode)).toBe(false);
    expect([...loaded.values()].every(fromKeptCode)).toBe(true);
    expect([...loaded.keys()]).toEqual([...fresh.keys()]);

    const values = valuesFor(compiled);
    expect(values.length).toBeGreaterThan(500);
    let judged = 0;
    const disagreements: string[] = [];
    for (const [pointer, validate] of fresh) {
      const other = loaded.get(pointer) as ValidateFunction;
      for (const value of values) {
        const expected = JSON.stringify([validate(value), validate.errors ?? null]);
        const actual = JSON.stringify([other(value), other.errors ?? null]);
        if (actual !== expected)
          disagreements.push(`${pointer} on ${JSON.stringify(value)}: ${actual} != ${expected}`);
        judged++;
      }
    }
    expect(disagreements).toEqual([]);
    expect(judged).toBeGreaterThan(10_000);
  });

  it('a second load reads the kept documents: equal to the parsed ones, shared schemas still shared', async () => {
    const fresh = await loadSpec(DEFAULT_SPEC_PATH);
    expect(readdirSync(path.join(cacheRoot, 'spec-documents'))).toHaveLength(1);
    const kept = await loadSpec(DEFAULT_SPEC_PATH);
    expect(kept.dereferenced).not.toBe(fresh.dereferenced);
    expect(kept.parsed).toEqual(fresh.parsed);
    expect(kept.dereferenced).toEqual(fresh.dereferenced);
    // Generators and checks key caches by schema object: a $ref target met twice is one object.
    const sharedObjects = (root: unknown): number => {
      const seen = new Set<object>();
      let shared = 0;
      const walk = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        if (seen.has(node)) return void shared++;
        seen.add(node);
        for (const child of Object.values(node)) walk(child);
      };
      walk(root);
      return shared;
    };
    expect(sharedObjects(fresh.dereferenced)).toBeGreaterThan(10);
    expect(sharedObjects(kept.dereferenced)).toBe(sharedObjects(fresh.dereferenced));
  });

  it('validators compiled after loading (as the lint does) are kept for the next load', async () => {
    const first = await loadSpec(DEFAULT_SPEC_PATH);
    const components = Object.keys(
      (first.parsed as { components: { schemas: Record<string, unknown> } }).components.schemas,
    ).map((name) => `#/components/schemas/${name}`);
    expect(components.length).toBeGreaterThan(5);
    for (const pointer of components) first.validatorAt(pointer);
    first.keepValidators();
    const next = await loadSpec(DEFAULT_SPEC_PATH);
    expect(components.filter((pointer) => !fromKeptCode(next.validatorAt(pointer)))).toEqual([]);
    expect([...validatorsOf(next).values()].every(fromKeptCode)).toBe(true);
  });

  it('kept code in a folder others may write to is not run', async () => {
    await populated();
    chmodSync(path.join(cacheRoot, 'validators'), 0o777);
    chmodSync(path.join(cacheRoot, 'spec-documents'), 0o777);
    const spec = await loadSpec(DEFAULT_SPEC_PATH);
    expect([...validatorsOf(spec).values()].some(fromKeptCode)).toBe(false);
  });

  it.each([
    ['garbled', 'exports["/x"] = (;', 'not v8'],
    // What a crash while writing can leave.
    ['emptied', '', ''],
  ])(
    'a damaged entry (%s) is compiled again, and the spec loads',
    async (_kind, code, documentsText) => {
      await populated();
      const folder = path.join(cacheRoot, 'validators');
      for (const name of readdirSync(folder)) writeFileSync(path.join(folder, name), code);
      const documents = path.join(cacheRoot, 'spec-documents');
      for (const name of readdirSync(documents))
        writeFileSync(path.join(documents, name), documentsText);
      const spec = await loadSpec(DEFAULT_SPEC_PATH);
      expect(spec.operations).toHaveLength(8);
      expect([...validatorsOf(spec).values()].some(fromKeptCode)).toBe(false);
    },
  );

  (existsSync('/proc/self') ? it : it.skip)(
    'a cache folder that cannot be made (under /proc) costs time, never a hang or an error',
    async () => {
      // In a child with a deadline: node's recursive mkdirSync never returns there, and a loop
      // that never yields would hold this test file past any jest timeout.
      const script = `require('./model').getSpec().then((s) => console.log(s.operations.length + ' operations'))`;
      const done = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(NODE, [...TS_LOADER, '-e', script], {
          cwd: path.join(__dirname, '..', '..'),
          env: { ...process.env, CONFORMANCE_CACHE_DIR: '/proc/api4partners-conformance-cache' },
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, out });
        });
      });
      expect(done).toEqual({ code: 0, out: '8 operations\n' });
    },
    40_000,
  );

  it('an edited spec is validated and compiled afresh: its error is still reported', async () => {
    await populated();
    const dir = mkdtempSync(path.join(tmpdir(), 'spec-cache-edited-'));
    try {
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(DEFAULT_SPEC_PATH, 'utf8').replace(
        /^openapi: 3\.1\.1$/m,
        'openapi: 3.1.1\nbogusTopLevelField: true',
      );
      const file = path.join(dir, 'openapi.yaml');
      writeFileSync(file, text);
      await expect(loadSpec(file)).rejects.toThrow(/invalid OpenAPI document/);
      await expect(loadSpec(file)).rejects.toThrow(/invalid OpenAPI document/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

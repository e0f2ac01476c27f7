import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSpec, SpecError } from '../../model';
import { miniSpec, writeSpec, type Doc } from '../lint/mini-spec';

/** The SpecError that loading `doc` (YAML text or an object) produces, with the file it was in. */
async function loadError(doc: unknown): Promise<{ error: SpecError; file: string }> {
  const { file, cleanup } = writeSpec(doc);
  try {
    await loadSpec(file);
  } catch (err) {
    return { error: err as SpecError, file };
  } finally {
    cleanup();
  }
  throw new Error('the spec loaded, a SpecError was expected');
}

function edited(edit: (doc: Doc) => void): Doc {
  const doc = miniSpec();
  edit(doc);
  return doc;
}

function expectOneLineNaming(error: SpecError, file: string, where: string): void {
  expect(error).toBeInstanceOf(SpecError);
  expect(error.exitCode).toBe(2);
  expect(error.message).not.toContain('\n');
  expect(error.message.startsWith(file)).toBe(true);
  expect(error.message).toContain(where);
}

describe('loadSpec on bad input', () => {
  it('a missing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'load-spec-'));
    const file = path.join(dir, 'nope.yaml');
    try {
      await expect(loadSpec(file)).rejects.toThrow(SpecError);
      await expect(loadSpec(file)).rejects.toThrow(`${file}: file not found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'load-spec-'));
    try {
      await expect(loadSpec(dir)).rejects.toThrow(/is a directory/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a YAML syntax error names the line and column', async () => {
    const { error, file } = await loadError('openapi: 3.1.1\ninfo:\n  title: [unclosed\n');
    expectOneLineNaming(error, file, 'line ');
    expect(error.message).toMatch(/line \d+, column \d+: YAML syntax error/);
  });

  it('a broken $ref names the pointer of the $ref', async () => {
    const { error, file } = await loadError(
      edited((doc) => {
        doc.components.schemas.thing.properties.kind.$ref = '#/components/schemas/kindd';
      }),
    );
    expectOneLineNaming(error, file, '#/components/schemas/thing/properties/kind/$ref');
    expect(error.message).toMatch(/'#\/components\/schemas\/kindd' does not resolve/);
  });

  it('an external $ref is refused where it sits', async () => {
    const { error, file } = await loadError(
      edited((doc) => {
        doc.components.schemas.thing.properties.kind = { $ref: 'other.yaml#/kind' };
      }),
    );
    expectOneLineNaming(error, file, '#/components/schemas/thing/properties/kind/$ref');
  });

  it('a Swagger 2.0 document is not OpenAPI 3.x', async () => {
    const { error, file } = await loadError({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {},
    });
    expectOneLineNaming(error, file, '#/openapi');
    expect(error.message).toMatch(/not an OpenAPI 3\.x document/);
  });

  it('a YAML list, or an empty file, is not an OpenAPI document', async () => {
    for (const text of ['- a\n- b\n', '']) {
      const { error, file } = await loadError(text);
      expectOneLineNaming(error, file, '#: not an OpenAPI document');
    }
  });

  it('an OpenAPI structure error names the pointer', async () => {
    const { error, file } = await loadError(
      edited((doc) => {
        doc.paths['/api/v1/things'].post.responses = 'none';
      }),
    );
    expectOneLineNaming(error, file, '#/paths/~1api~1v1~1things/post/responses');
  });

  it('an operation without operationId', async () => {
    const { error, file } = await loadError(
      edited((doc) => {
        delete doc.paths['/api/v1/things'].post.operationId;
      }),
    );
    expectOneLineNaming(error, file, '#/paths/~1api~1v1~1things/post/operationId');
  });

  it('a schema an operation uses that does not compile', async () => {
    const { error, file } = await loadError(
      edited((doc) => {
        doc.components.schemas.thing.minLenght = 3;
      }),
    );
    expectOneLineNaming(error, file, '#/components/schemas/thing');
    expect(error.message).toMatch(/minLenght/);
  });
});

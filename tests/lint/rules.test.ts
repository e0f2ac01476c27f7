import { lintSpec, type Finding } from '../../analysis/lint';
import { CHECKS } from '../../analysis/lint/checks';
import { loadMini, type Doc } from './mini-spec';

const V0_CREATE = '#/paths/~1api~1v0~1things/post';
const V1_CREATE = '#/paths/~1api~1v1~1things/post';
const SEARCH = '#/paths/~1api~1v0~1things~1search/get';
const JSON_MEDIA = 'content/application~1json';

/** Findings of one rule on the mini spec after `edit`. */
async function findingsOf(rule: string, edit: (doc: Doc) => void): Promise<Finding[]> {
  const spec = await loadMini(edit);
  return lintSpec(spec).filter((f) => f.rule === rule);
}

const at = (findings: Finding[]): string[] => findings.map((f) => `${f.severity} ${f.pointer}`);

describe('lint rules on hand-made specs', () => {
  it('the untouched mini spec has only the info about its current v0 operation', async () => {
    const findings = lintSpec(await loadMini());
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.pointer}`)).toEqual([
      `info deprecated-successor ${SEARCH}`,
    ]);
  });

  it('every registered rule has a distinct name and a description', () => {
    const names = CHECKS.map((c) => c.rule);
    expect(new Set(names).size).toBe(names.length);
    CHECKS.forEach((c) => expect(c.description.length).toBeGreaterThan(10));
  });

  it('schema-compiles: a component schema with an unknown keyword', async () => {
    const findings = await findingsOf('schema-compiles', (doc) => {
      doc.components.schemas.broken = { type: 'string', minLenght: 3 };
    });
    expect(at(findings)).toEqual(['error #/components/schemas/broken']);
    expect(findings[0].message).toMatch(/minLenght/);
  });

  it('example-valid: a shared component example checked against the schema using it', async () => {
    const findings = await findingsOf('example-valid', (doc) => {
      doc.components.examples.thing_v0.value.kind = 'PxC';
    });
    expect(at(findings)).toEqual(['error #/components/examples/thing_v0/value/kind']);
    expect(findings[0].message).toMatch(/#\/components\/schemas\/thing_v0/);
  });

  it('example-valid: one component example used by two schemas is checked against both', async () => {
    const findings = await findingsOf('example-valid', (doc) => {
      doc.paths['/api/v1/things'].post.requestBody.content['application/json'].examples.basic.$ref =
        '#/components/examples/thing_v0';
    });
    // Valid for thing_v0, but v1 has no UPFRONT.
    expect(at(findings)).toEqual(['error #/components/examples/thing_v0/value/kind']);
    expect(findings[0].message).toMatch(/schemas\/thing\b/);
  });

  it('example-valid: schema, parameter and header examples', async () => {
    const findings = await findingsOf('example-valid', (doc) => {
      doc.components.schemas.thing.properties.name.example = 42;
      doc.paths['/api/v0/things/search'].get.parameters[0].example = 0;
      doc.paths['/api/v0/things/search'].get.responses['200'].headers['X-RateLimit-Limit'].example =
        -1;
    });
    expect(at(findings).sort()).toEqual(
      [
        'error #/components/schemas/thing/properties/name/example',
        `error ${SEARCH}/parameters/0/example`,
        `error ${SEARCH}/responses/200/headers/X-RateLimit-Limit/example`,
      ].sort(),
    );
  });

  it('default-valid: a default outside its own schema', async () => {
    const findings = await findingsOf('default-valid', (doc) => {
      doc.paths['/api/v0/things/search'].get.parameters[0].schema.default = 0;
    });
    expect(at(findings)).toEqual([`error ${SEARCH}/parameters/0/schema/default`]);
  });

  it('example-status-code: a 201 example that says 200', async () => {
    const findings = await findingsOf('example-status-code', (doc) => {
      doc.paths['/api/v0/things'].post.responses['201'].content[
        'application/json'
      ].examples.ok.value.info.statusCode = 200;
    });
    expect(at(findings)).toEqual([
      `warning ${V0_CREATE}/responses/201/${JSON_MEDIA}/examples/ok/value/info/statusCode`,
    ]);
  });

  it('placeholder-example: type names instead of values', async () => {
    const findings = await findingsOf('placeholder-example', (doc) => {
      const ok =
        doc.paths['/api/v0/things'].post.responses['201'].content['application/json'].examples.ok;
      ok.value.id = 'string';
      ok.value.info.timeStamp = 'date';
    });
    expect(at(findings)).toEqual([
      `warning ${V0_CREATE}/responses/201/${JSON_MEDIA}/examples/ok/value`,
    ]);
    expect(findings[0].message).toMatch(/2 type names/);
  });

  it('date-example-format: an example contradicting the YYYY-MM-DD its description states', async () => {
    const findings = await findingsOf('date-example-format', (doc) => {
      doc.components.schemas.created.properties.closeDate = {
        type: ['string', 'null'],
        description: 'expected close date in ISO 8601 format (YYYY-MM-DD)',
      };
      doc.paths['/api/v0/things'].post.responses['201'].content[
        'application/json'
      ].examples.ok.value.closeDate = '2024-12-31T00:00:00.000Z';
    });
    expect(at(findings)).toEqual([
      `warning ${V0_CREATE}/responses/201/${JSON_MEDIA}/examples/ok/value/closeDate`,
    ]);
  });

  it('date-format-consistency: one property, date here and date-time there', async () => {
    const findings = await findingsOf('date-format-consistency', (doc) => {
      doc.components.schemas.thing.properties.closeDate.format = 'date';
      doc.components.schemas.created.properties.closeDate = { type: 'string', format: 'date' };
    });
    expect(at(findings)).toEqual(['warning #/components/schemas/thing_v0/properties/closeDate']);
  });

  it('field-name-casing: timestamp where the rest of the spec says timeStamp', async () => {
    const findings = await findingsOf('field-name-casing', (doc) => {
      const ok =
        doc.paths['/api/v0/things'].post.responses['201'].content['application/json'].examples.ok;
      ok.value.info = { statusCode: 201, timestamp: null };
    });
    expect(at(findings)).toEqual([
      `warning ${V0_CREATE}/responses/201/${JSON_MEDIA}/examples/ok/value/info/timestamp`,
    ]);
  });

  it('header-consistency: a response without the headers its siblings declare', async () => {
    const findings = await findingsOf('header-consistency', (doc) => {
      delete doc.paths['/api/v1/things'].post.responses['400'].headers;
    });
    expect(at(findings)).toEqual([`warning ${V1_CREATE}/responses/400`]);
    expect(findings[0].message).toMatch(/X-RateLimit-Limit, X-RateLimit-Remaining/);
  });

  it('header-consistency: one header with two schemas, and an operation without the headers', async () => {
    const findings = await findingsOf('header-consistency', (doc) => {
      doc.paths['/api/v0/things'].post.responses['201'].headers['X-RateLimit-Limit'].schema = {
        type: 'string',
      };
      doc.paths['/api/v0/things'].post.responses['201'].headers['X-RateLimit-Limit'].example =
        '100';
      delete doc.paths['/api/v0/things/search'].get.responses['200'].headers;
    });
    expect(at(findings).sort()).toEqual(
      [
        `warning ${SEARCH}`,
        `warning ${V0_CREATE}/responses/201/headers/X-RateLimit-Limit/schema`,
      ].sort(),
    );
  });

  it('shared-status-schema: a 429 whose body shape is the 400 one', async () => {
    const findings = await findingsOf('shared-status-schema', (doc) => {
      doc.paths['/api/v1/things'].post.responses['429'] = {
        description: 'Too many requests',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/bad_request' } } },
      };
    });
    expect(at(findings)).toEqual(['warning #/components/schemas/bad_request']);
    expect(findings[0].message).toMatch(/400, 429/);
  });

  it('response-enum-wider: a field read back with values the requests cannot write', async () => {
    const findings = await findingsOf('response-enum-wider', (doc) => {
      doc.components.schemas.kind_read = { type: 'string', enum: ['PxC', 'YxC', 'SxC'] };
      doc.components.schemas.created_v1 = structuredClone(doc.components.schemas.created);
      doc.components.schemas.created_v1.properties.kind = {
        $ref: '#/components/schemas/kind_read',
      };
      doc.paths['/api/v1/things'].post.responses['201'].content['application/json'].schema.$ref =
        '#/components/schemas/created_v1';
    });
    expect(at(findings)).toEqual(['warning #/components/schemas/kind_read/enum']);
    expect(findings[0].message).toMatch(/1 more values: SxC/);
  });

  it('field-name-variant: error and errors, but not sibling names such as line1/line2', async () => {
    const findings = await findingsOf('field-name-variant', (doc) => {
      doc.components.schemas.created.properties.errors = { type: 'object' };
      doc.components.schemas.thing.properties.addressLine1 = { type: 'string' };
      doc.components.schemas.thing.properties.addressLine2 = { type: 'string' };
    });
    expect(at(findings)).toEqual(['info #/components/schemas/created/properties/errors']);
  });

  it('deprecated-successor: a successor that does not exist', async () => {
    const findings = await findingsOf('deprecated-successor', (doc) => {
      doc.paths['/api/v0/things'].post.description = 'Use `/api/v2/things` instead.';
    });
    expect(at(findings)).toContain(`error ${V0_CREATE}`);
    expect(findings.find((f) => f.pointer === V0_CREATE)?.message).toMatch(/\/api\/v2\/things/);
  });

  it('deprecated-successor: deprecated in prose only, and a deprecated successor', async () => {
    const prose = await findingsOf('deprecated-successor', (doc) => {
      delete doc.paths['/api/v0/things'].post.deprecated;
    });
    expect(
      prose
        .filter((f) => f.pointer === V0_CREATE)
        .map((f) => f.severity)
        .sort(),
    ).toEqual(['warning', 'warning']);
    const chained = await findingsOf('deprecated-successor', (doc) => {
      doc.paths['/api/v1/things'].post.deprecated = true;
    });
    expect(chained.find((f) => f.pointer === V0_CREATE)?.message).toMatch(/itself deprecated/);
  });

  it('required-declared: a required name with no property', async () => {
    const findings = await findingsOf('required-declared', (doc) => {
      doc.components.schemas.thing.required.push('nmae');
    });
    expect(at(findings)).toEqual(['warning #/components/schemas/thing/required']);
    expect(findings[0].message).toMatch(/'nmae'/);
  });

  it('required-declared: names declared in a sibling allOf branch count as declared', async () => {
    const findings = await findingsOf('required-declared', (doc) => {
      doc.components.schemas.thing_post = {
        allOf: [
          { $ref: '#/components/schemas/thing' },
          { type: 'object', required: ['closeDate'] },
        ],
      };
    });
    expect(findings).toEqual([]);
  });

  it('unused-component-example: an example nothing references', async () => {
    const findings = await findingsOf('unused-component-example', (doc) => {
      doc.components.examples.orphan = { value: { name: 'x' } };
    });
    expect(at(findings)).toEqual(['warning #/components/examples/orphan']);
  });
});

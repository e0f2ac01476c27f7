import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { loadSpec, type SpecModel } from '../../model';

type Json = Record<string, unknown>;
/** A spec document as tests edit it: loosely typed on purpose, edits reach deep. */
export type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rateLimitHeaders = (): Json => ({
  'X-RateLimit-Limit': {
    description: 'quota',
    schema: { type: 'integer', minimum: 0 },
    example: 100,
  },
  'X-RateLimit-Remaining': {
    description: 'left',
    schema: { type: 'integer', minimum: 0 },
    example: 4,
  },
});

const envelope = (status: number): Json => ({
  type: 'object',
  required: ['info'],
  properties: {
    info: {
      type: 'object',
      properties: {
        statusCode: { type: 'integer', example: status },
        timeStamp: { type: ['string', 'null'] },
      },
    },
  },
});

/**
 * A small, clean OpenAPI 3.1 document in the shape of the real one: a deprecated v0 create with
 * a v1 successor, a current v0 list, shared component examples, rate-limit headers. Every lint
 * rule is silent on it; each test breaks one thing and expects exactly that rule to speak.
 */
export function miniSpec(): Doc {
  return {
    openapi: '3.1.1',
    info: { title: 'Mini', version: '1.0.0' },
    servers: [{ url: 'https://apigw-qal.example.com' }],
    security: [{ ApiKeyAuth: [] }],
    paths: {
      '/api/v0/things': {
        post: {
          deprecated: true,
          operationId: 'createThing',
          description: '**Deprecated**. Use `/api/v1/things` instead.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/thing_v0' },
                examples: { basic: { $ref: '#/components/examples/thing_v0' } },
              },
            },
          },
          responses: {
            '201': {
              description: 'Created',
              headers: rateLimitHeaders(),
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/created' },
                  examples: {
                    ok: { value: { id: 'T-1', info: { statusCode: 201, timeStamp: null } } },
                  },
                },
              },
            },
            '400': {
              description: 'Bad request',
              headers: rateLimitHeaders(),
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/bad_request' } },
              },
            },
          },
        },
      },
      '/api/v1/things': {
        post: {
          operationId: 'createThing_v1',
          description: 'Creates a thing.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/thing' },
                examples: { basic: { $ref: '#/components/examples/thing' } },
              },
            },
          },
          responses: {
            '201': {
              description: 'Created',
              headers: rateLimitHeaders(),
              content: { 'application/json': { schema: { $ref: '#/components/schemas/created' } } },
            },
            '400': {
              description: 'Bad request',
              headers: rateLimitHeaders(),
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/bad_request' } },
              },
            },
          },
        },
      },
      '/api/v0/things/search': {
        get: {
          operationId: 'searchThings',
          description: 'Lists things.',
          parameters: [
            {
              name: 'top',
              in: 'query',
              schema: { type: 'integer', minimum: 1, default: 9999 },
              example: 100,
            },
          ],
          responses: {
            '200': {
              description: 'OK',
              headers: rateLimitHeaders(),
              content: {
                'application/json': {
                  schema: { type: 'array', items: { $ref: '#/components/schemas/thing_v0' } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
      schemas: {
        kind_v0: { type: 'string', enum: ['UPFRONT', 'RENTAL'] },
        kind: { type: 'string', enum: ['PxC', 'YxC'] },
        thing_v0: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', example: 'a thing' },
            kind: { $ref: '#/components/schemas/kind_v0' },
            closeDate: { type: 'string', format: 'date-time' },
          },
        },
        thing: {
          type: 'object',
          required: ['name', 'kind'],
          properties: {
            name: { type: 'string', example: 'a thing' },
            kind: { $ref: '#/components/schemas/kind', default: 'PxC' },
            closeDate: { type: 'string', format: 'date-time' },
            startDate: { type: 'string', format: 'date' },
          },
        },
        created: {
          type: 'object',
          required: ['id', 'info'],
          properties: { id: { type: 'string' }, info: (envelope(201).properties as Json).info },
        },
        bad_request: {
          ...envelope(400),
          properties: {
            ...(envelope(400).properties as Json),
            error: { type: 'object', properties: { code: { type: 'string' } } },
          },
        },
      },
      examples: {
        thing_v0: { value: { name: 'n', kind: 'UPFRONT', closeDate: '2025-06-01T18:46:51.326Z' } },
        thing: { value: { name: 'n', kind: 'PxC', closeDate: '2025-06-01T18:46:51.326Z' } },
      },
    },
  };
}

/** Writes `doc` as YAML to a fresh tmp dir; `cleanup` removes the dir. */
export function writeSpec(
  doc: unknown,
  name = 'openapi.yaml',
): { file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-spec-'));
  const file = path.join(dir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : yaml.dump(doc, { noRefs: true }));
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Loads a modified copy of the mini spec: `edit` changes the document in place. */
export async function loadMini(edit: (doc: Doc) => void = () => {}): Promise<SpecModel> {
  const doc = miniSpec();
  edit(doc);
  const { file, cleanup } = writeSpec(doc);
  try {
    return await loadSpec(file);
  } finally {
    cleanup();
  }
}

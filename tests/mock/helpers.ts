import request from 'supertest';
import type { Response } from 'supertest';
import {
  createMock,
  DEFAULT_MOCK_API_KEY,
  type ListeningMock,
  type Mock,
  type MockOptions,
} from '../../mock';
import {
  getSpec,
  roleOf,
  type OperationModel,
  type OperationRole,
  type SpecModel,
} from '../../model';

export const KEY = DEFAULT_MOCK_API_KEY;
export const AUTH = { 'X-API-Key': KEY };
export const fcSeed = (): number | undefined =>
  process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

export interface TestMock {
  spec: SpecModel;
  mock: Mock;
  /** supertest against the mock listening on 127.0.0.1. */
  agent: ReturnType<typeof request>;
}

const listening: ListeningMock[] = [];

/** A mock listening on 127.0.0.1:<ephemeral>; `closeMocks` (afterAll) closes every one. */
export async function startMock(options: MockOptions = {}): Promise<TestMock> {
  const spec = await getSpec();
  const mock = createMock(spec, options);
  const server = await mock.listen(0, '127.0.0.1');
  listening.push(server);
  return { spec, mock, agent: request(server.url) };
}

export async function closeMocks(): Promise<void> {
  await Promise.all(listening.splice(0).map((server) => server.close()));
}

export function opOf(spec: SpecModel, role: OperationRole, version?: string): OperationModel {
  const op = spec.operations.find(
    (o) => roleOf(o) === role && (version === undefined || o.version === version),
  );
  if (!op) throw new Error(`no ${role} operation ${version ?? ''}`);
  return op;
}

export const versionsWith = (spec: SpecModel, role: OperationRole): string[] =>
  spec.operations.filter((o) => roleOf(o) === role).map((o) => o.version);

export const pathOf = (op: OperationModel, id = ''): string =>
  op.path.replace(/\{[^}]+\}/, encodeURIComponent(id));

// Test bodies are edited freely: any keeps the edits short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

let counter = 0;
/** The spec's first create example for `version`, with a partner id nobody has used. */
export function createBody(
  spec: SpecModel,
  version: string,
  changes: (body: Json) => unknown = () => undefined,
): Json {
  const example = opOf(spec, 'create', version).requestBody?.json?.examples[0]?.value;
  const body = structuredClone(example) as Json;
  (body.leadOpportunity as Json).partnerLeadOpportunityId = `TEST-${process.pid}-${++counter}`;
  changes(body);
  return body;
}

export async function create(
  t: TestMock,
  version: string,
  changes?: (body: Json) => unknown,
): Promise<Response> {
  const op = opOf(t.spec, 'create', version);
  return t.agent
    .post(op.path)
    .set(AUTH)
    .send(createBody(t.spec, version, changes));
}

export async function read(t: TestMock, version: string, id: string, key = KEY): Promise<Response> {
  return t.agent.get(pathOf(opOf(t.spec, 'read', version), id)).set('X-API-Key', key);
}

/**
 * What is wrong with a response, judged by the spec alone: the status is documented for the
 * operation, the body obeys that status's schema, declared headers are present and valid.
 */
export function nonConformance(
  op: OperationModel,
  status: number,
  headers: Record<string, string>,
  text: string,
): string[] {
  const documented = op.responses[String(status)];
  if (!documented) return [`${op.operationId}: status ${status} is not documented`];
  const problems: string[] = [];
  if (documented.json) {
    if (!/^application\/json\b/.test(headers['content-type'] ?? '')) {
      problems.push(`${status}: Content-Type ${headers['content-type']}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${status}: body is not JSON: ${text.slice(0, 80)}`);
    }
    if (body !== undefined && !documented.json.validate(body)) {
      problems.push(
        `${status}: body breaks its schema: ${JSON.stringify(documented.json.validate.errors?.slice(0, 3))}`,
      );
    }
  }
  for (const header of documented.headers) {
    const raw = headers[header.name.toLowerCase()];
    if (raw === undefined) problems.push(`${status}: header ${header.name} missing`);
    else if (!header.validate(/^-?\d+$/.test(raw) ? Number(raw) : raw))
      problems.push(`${status}: header ${header.name}=${raw} invalid`);
  }
  return problems;
}

export const conformsTo = (op: OperationModel, res: Response): string[] =>
  nonConformance(op, res.status, res.headers as Record<string, string>, res.text);

import type { ValidateFunction } from 'ajv';

/** A JSON Schema (2020-12) as found in the spec after dereferencing. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: JsonSchema;
  /** Canonical JSON pointer (into the parsed document) of the parameter's schema. */
  schemaPointer: string;
  validate: ValidateFunction;
}

export interface HeaderModel {
  name: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
  schemaPointer: string;
  validate: ValidateFunction;
}

export interface ExampleModel {
  /** Key under `examples`, or `example` for a single media-type example. */
  name: string;
  summary?: string;
  description?: string;
  value: unknown;
  /** Canonical pointer of the example object (where its `value` lives). */
  pointer: string;
}

export interface MediaModel {
  contentType: string;
  schema: JsonSchema;
  schemaPointer: string;
  validate: ValidateFunction;
  examples: ExampleModel[];
}

export interface RequestBodyModel {
  required: boolean;
  description?: string;
  /** The JSON media type (application/json) when the spec documents one. */
  json?: MediaModel;
  contents: MediaModel[];
}

export interface ResponseModel {
  /** As written in the spec: '200', '201', '4XX', 'default'. */
  status: string;
  description: string;
  headers: HeaderModel[];
  json?: MediaModel;
  contents: MediaModel[];
  /** Pointer of the response object in the document. */
  pointer: string;
}

export interface OperationRef {
  operationId: string;
  method: HttpMethod;
  path: string;
}

export interface OperationModel extends OperationRef {
  /** 'v0', 'v1', ... taken from the path; 'unversioned' when the path carries none. */
  version: string;
  deprecated: boolean;
  /** The operation the spec's description points to ("Use `...` instead"), when there is one. */
  successor?: OperationRef;
  summary?: string;
  description?: string;
  tags: string[];
  /** Pointer of the operation object: `#/paths/<escaped path>/<method>`. */
  pointer: string;
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  /** Keyed by status as written in the spec. */
  responses: Record<string, ResponseModel>;
  /** Names of the security schemes that apply (operation level, else document level). */
  security: string[];
}

export interface ServerModel {
  /** Short environment name taken from the host (apigw-qal.3ds.com -> qal), else `server<i>`. */
  name: string;
  url: string;
  description?: string;
}

export interface SecuritySchemeModel {
  name: string;
  type: string;
  /** For apiKey schemes: where the key goes and its header/query name. */
  in?: string;
  paramName?: string;
}

export interface SpecModel {
  specPath: string;
  /** SHA-256 (hex) of the spec file's bytes. */
  sha256: string;
  openapi: string;
  title: string;
  version: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  operations: OperationModel[];
  /** The document as parsed: `$ref`s intact. */
  parsed: Record<string, unknown>;
  /** The document with every `$ref` replaced by its target. */
  dereferenced: Record<string, unknown>;
  /** Compiled validator for the schema at a canonical pointer (compiled once, cached). */
  validatorAt(pointer: string): ValidateFunction;
  /**
   * Keeps the code of every validator compiled so far for the next process that loads this spec
   * (see compiled-validators.ts): called after loading, and by whoever compiles more (the lint).
   */
  keepValidators(): void;
  /** The operation with this id, or an error naming the known ids. */
  operation(operationId: string): OperationModel;
}

import type fc from 'fast-check';
import type { OperationRole, ViolationKind } from '../../model';
import type { NextCompiler, SchemaSite } from '../schema';
import type { GeneratorOptions, ValueMutation } from '../types';

export interface RuleContext {
  role: OperationRole;
  options: GeneratorOptions;
}

/** A breach of a rule found in a request, at a request pointer. */
export interface RuleFinding {
  kind: ViolationKind;
  pointer: string;
  message: string;
}

/**
 * A rule the spec writes in a description rather than in a schema. It attaches itself to
 * schema sites by what they contain (never by operationId), and knows how to generate values
 * that keep it, to check a value, and to break it (and only it).
 */
export interface DescriptionRule {
  name: string;
  /** Where the spec says so, for a reader of a failure. */
  source: string;
  appliesAt(site: SchemaSite, ctx: RuleContext): boolean;
  /** Values that keep the rule (and the schema); `next` compiles the (refined) schema as usual. */
  arbitrary?(site: SchemaSite, next: NextCompiler, ctx: RuleContext): fc.Arbitrary<unknown>;
  /** Breaches of the rule by `value`, which sits at request pointer `at`. */
  check?(value: unknown, at: string, site: SchemaSite): RuleFinding[];
  /** Changes to a valid `value` at `at` that break this rule and nothing else. */
  mutations?(value: unknown, at: string, site: SchemaSite): ValueMutation[];
  /**
   * The rule's own name for a schema violation inside its site (e.g. a missing search bound is
   * a `required` error that the spec documents as ERROR_043). `relative` is the path below the site.
   */
  relabel?(
    keyword: string,
    relative: ReadonlyArray<string>,
    site: SchemaSite,
  ): ViolationKind | undefined;
}

import type { LintCheck } from '../types';
import { dateExampleFormat } from './date-example-format';
import { dateFormatConsistency } from './date-format-consistency';
import { defaultValid } from './default-valid';
import { deprecatedSuccessor } from './deprecated-successor';
import { exampleStatusCode } from './example-status-code';
import { exampleValid } from './example-valid';
import { fieldNameCasing } from './field-name-casing';
import { fieldNameVariant } from './field-name-variant';
import { headerConsistency } from './header-consistency';
import { placeholderExample } from './placeholder-example';
import { requiredDeclared } from './required-declared';
import { responseEnumWider } from './response-enum-wider';
import { schemaCompiles } from './schema-compiles';
import { sharedStatusSchema } from './shared-status-schema';
import { unusedComponentExample } from './unused-component-example';

/** Every lint rule, run in this order. A new rule is one file here plus one line below. */
export const CHECKS: readonly LintCheck[] = [
  schemaCompiles,
  exampleValid,
  defaultValid,
  exampleStatusCode,
  placeholderExample,
  dateExampleFormat,
  dateFormatConsistency,
  fieldNameCasing,
  fieldNameVariant,
  headerConsistency,
  sharedStatusSchema,
  responseEnumWider,
  deprecatedSuccessor,
  requiredDeclared,
  unusedComponentExample,
];

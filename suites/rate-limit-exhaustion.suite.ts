import { defineExhaustionSuite } from './define-suites';

defineExhaustionSuite();

import { defineOperationSuites } from './define-suites';

defineOperationSuites(1);

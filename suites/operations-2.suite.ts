import { defineOperationSuites } from './define-suites';

defineOperationSuites(2, 4);

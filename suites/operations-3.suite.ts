import { defineOperationSuites } from './define-suites';

defineOperationSuites(3, 4);

import { defineFaultMatrix } from './fault-matrix-suite';

defineFaultMatrix(1, 4);

import { defineFaultMatrix } from './fault-matrix-suite';

defineFaultMatrix(2, 4);

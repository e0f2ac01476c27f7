import { defineFaultMatrix } from './fault-matrix-suite';

defineFaultMatrix(0, 4);

import { defineFaultMatrix } from './fault-matrix-suite';

defineFaultMatrix(3, 4);

import { ERROR_CODES, type OperationModel } from '../../model';
import type { MockReply } from '../http-io';
import { isRecord } from '../../model/schema-access';
import type { MockState } from '../types';

/** The documented 503 (ERR899) of an operation that documents one, while maintenance is on. */
export function maintenanceReply(state: MockState, op: OperationModel): MockReply {
  const code = ERROR_CODES.maintenance;
  const body = state.envelopes.failure(op, 503, {
    code,
    message: state.envelopes.messageFor(code) ?? code,
  });
  if (state.faults.has('maintenance-wrong-shape') && isRecord(body) && isRecord(body.error)) {
    delete body.error.code;
  }
  return { status: 503, body };
}

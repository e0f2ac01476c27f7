import type { OperationModel, ResponseModel } from '../model';

/** The documented response for a status: exact ('404'), range ('4XX'), else 'default'. */
export function documentedResponse(op: OperationModel, status: number): ResponseModel | undefined {
  return (
    op.responses[String(status)] ??
    op.responses[`${String(status)[0]}XX`] ??
    op.responses[`${String(status)[0]}xx`] ??
    op.responses.default
  );
}

export function documentedStatuses(op: OperationModel): string[] {
  return Object.keys(op.responses);
}

/** The 2xx statuses the operation documents, as numbers. */
export function successStatuses(op: OperationModel): number[] {
  return documentedStatuses(op)
    .filter((s) => /^2\d\d$/.test(s))
    .map(Number);
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return headers[name.toLowerCase()];
}

/** Ajv errors as one short line: `/info/statusCode must be integer; ...`. */
export function ajvErrorsText(
  errors: Array<{ instancePath: string; message?: string; params?: unknown }> | null | undefined,
  max = 3,
): string {
  if (!errors?.length) return 'invalid';
  const parts = errors.slice(0, max).map((e) => {
    const extra =
      e.params && typeof e.params === 'object' && 'additionalProperty' in e.params
        ? ` '${String((e.params as Record<string, unknown>).additionalProperty)}'`
        : e.params && typeof e.params === 'object' && 'allowedValues' in e.params
          ? ` (${JSON.stringify((e.params as Record<string, unknown>).allowedValues)})`
          : '';
    return `${e.instancePath || '/'} ${e.message ?? 'invalid'}${extra}`;
  });
  return parts.join('; ') + (errors.length > max ? `; +${errors.length - max} more` : '');
}

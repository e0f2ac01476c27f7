/** The error code in a body: `error.code` (create, search, ...) or `errors.code` (PATCH's shape). */
export function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  for (const key of ['error', 'errors']) {
    const e = b[key];
    if (
      typeof e === 'object' &&
      e !== null &&
      typeof (e as Record<string, unknown>).code === 'string'
    ) {
      return (e as Record<string, unknown>).code as string;
    }
  }
  return undefined;
}

export function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const m = (body as Record<string, unknown>).message;
  return typeof m === 'string' ? m : undefined;
}

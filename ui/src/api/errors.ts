/** Recognising and reading what a command rejected with. */
import type { FieldProblem } from './register';
import type { ApiError } from './types';

// ---------------------------------------------------------------- errors

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The per-field problems of an `invalid` error (an empty list for any other error). */
export function problemsOf(error: ApiError | null): FieldProblem[] {
  if (!error || error.code !== 'invalid') return [];
  const problems = error.params.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is FieldProblem =>
      typeof p === 'object' && p !== null && typeof (p as FieldProblem).field === 'string' && typeof (p as FieldProblem).code === 'string',
  );
}

/** Turns whatever a command rejected with into an ApiError. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) {
    return { code: value.code, message: value.message, params: value.params ?? {} };
  }
  if (typeof value === 'string') return { code: 'internal', message: value, params: {} };
  if (value instanceof Error) return { code: 'internal', message: value.message, params: {} };
  return { code: 'internal', message: String(value), params: {} };
}

/**
 * What every area of the IPC contract shares: the error every command may reject with, and
 * what to do about a file already at the chosen path.
 */

export interface ApiError {
  code: string;
  message: string;
  /** Strings and numbers, or structured data for some codes (`invalid`: params.problems). */
  params: Record<string, unknown>;
}

/**
 * What to do when a file is already at the chosen path: refuse (the backend answers
 * `file_exists`) unless the user confirmed replacing it, here or in the system's save dialog.
 */
export type IfExists = 'refuse' | 'replace';

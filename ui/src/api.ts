/**
 * The IPC contract between the UI and the Rust side (src-tauri), as typed wrappers.
 *
 * The UI holds no business rules: password strength, lock timing and validation are decided
 * in Rust, and the UI shows what the backend says. Every command may reject with an ApiError.
 *
 * Tauri 2 passes argument names in camelCase from JS; the Rust side names them in snake_case.
 *
 * The types and commands are written by area in ./api: vault (the app's state, the vault, the
 * password, the journal), users, register, services (the log of past services, imported),
 * lifecycle (consents, retention, the end of the data's life), reports and papers (the documents
 * an inspector asks for), obligations (the calendar, requests, breaches and the dashboard's
 * clocks), transfers (recipients, transfers that identify people and the notices they owe); types
 * and errors hold what every area shares, transport how a command is sent.
 * This file gathers them, so callers import everything from here.
 */
import { backupCommands } from './api/backup';
import { keysCommands } from './api/keys';
import { lifecycleCommands } from './api/lifecycle';
import { obligationsCommands } from './api/obligations';
import { papersCommands } from './api/papers';
import { registerCommands, registerEvents } from './api/register';
import { reportsCommands } from './api/reports';
import { servicesCommands } from './api/services';
import { transfersCommands } from './api/transfers';
import { usersCommands } from './api/users';
import { vaultCommands, vaultEvents } from './api/vault';

export * from './api/backup';
export * from './api/errors';
export * from './api/keys';
export * from './api/lifecycle';
export * from './api/obligations';
export * from './api/papers';
export * from './api/register';
export * from './api/reports';
export * from './api/services';
export * from './api/transfers';
export { onLockedError } from './api/transport';
export * from './api/types';
export * from './api/users';
export * from './api/vault';

// ---------------------------------------------------------------- commands

export const api = {
  ...vaultCommands,
  ...usersCommands,
  ...backupCommands,
  ...keysCommands,
  ...registerCommands,
  ...servicesCommands,
  ...lifecycleCommands,
  ...reportsCommands,
  ...transfersCommands,
  ...papersCommands,
  ...obligationsCommands,
};

export const events = {
  ...vaultEvents,
  ...registerEvents,
};

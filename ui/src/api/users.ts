/** The vault's users: who they are, their roles, and (for the responsible person) managing them. */
import { invoke } from './transport';
import type { Role } from './vault';

// ---------------------------------------------------------------- types

/** One user of the vault, as the Users screen lists them. */
export interface UserSummary {
  id: string;
  /** Display name, also what they unlock as. */
  name: string;
  role: Role;
  /** Whether they may reveal health data and identity numbers (always for the responsible person). */
  mayReveal: boolean;
  /** RFC 3339 */
  createdAt: string;
  /** False only if adding them was cut short: they cannot unlock until given a password. */
  hasPassword: boolean;
  /** The user who has the vault open. */
  isYou: boolean;
}

/** What removing a user did. */
export interface Removed {
  rekeyed: boolean;
}

// ---------------------------------------------------------------- commands

export const usersCommands = {
  usersList: () => invoke<UserSummary[]>('users_list'),
  userAdd: (name: string, roleCode: Role, mayReveal: boolean, password: string, passwordConfirm: string) =>
    invoke<UserSummary>('user_add', { name, roleCode, mayReveal, password, passwordConfirm }),
  /** Remove a user; with `rekey`, re-encrypt the vault so an old copy of the key file opens no later copy. */
  userRemove: (id: string, rekey: boolean) => invoke<Removed>('user_remove', { id, rekey }),
  userSetPassword: (id: string, password: string, passwordConfirm: string) =>
    invoke<void>('user_set_password', { id, password, passwordConfirm }),
  userSetRole: (id: string, roleCode: Role) => invoke<void>('user_set_role', { id, roleCode }),
  userSetMayReveal: (id: string, mayReveal: boolean) => invoke<void>('user_set_may_reveal', { id, mayReveal }),
};

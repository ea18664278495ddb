import { KeyRound, Trash2, UserPlus, UserRoundX } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../lifecycle/lifecycle.css';
import './users.css';
import { api, toApiError, type ApiError, type Role, type UserSummary } from '../../api';
import { useApp, useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useDelayedFlag, usePasswordAssessment } from '../../lib/hooks';
import { RecoveryKeyCard } from './RecoveryKeyCard';

const ROLES: Role[] = ['responsible', 'staff'];

/** Names as the core compares them: trimmed, case folded. */
const folded = (name: string) => name.trim().toLowerCase();

/** The day a user was added, dd.mm.yyyy. */
function addedOn(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDate(d);
}

/**
 * The people who use this vault, each with their own name and password. Everyone sees the list;
 * the responsible person (manage_users) adds and removes users, gives a new password to someone
 * who forgot theirs, changes roles and allows a staff member to reveal masked fields.
 */
export function UsersScreen() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('manage_users');
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);
  const [passwordFor, setPasswordFor] = useState<UserSummary | null>(null);
  const [removing, setRemoving] = useState<UserSummary | null>(null);
  const showLoading = useDelayedFlag(users === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .usersList()
      .then(setUsers)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <div className="page" data-testid="users-screen" data-manage={manage}>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('users.title')}</h1>
          <p className="page__lead">{t('users.lead')}</p>
        </div>
        {manage && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="users-add">
            <UserPlus size={18} aria-hidden="true" />
            {t('users.add')}
          </button>
        )}
      </header>

      {!manage && <OnlyResponsible text={t('onlyResponsible.users')} testId="users-readonly" />}

      <section className="table-card table-card--auto" aria-labelledby="users-table-title">
        <h2 id="users-table-title" className="visually-hidden">
          {t('users.tableTitle')}
        </h2>
        {error ? (
          <div className="state">
            <ErrorMessage error={error} testId="users-error" />
            <button type="button" className="button button--secondary" onClick={load}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : users === null ? (
          showLoading ? <LoadingBlock label={t('users.loading')} /> : <div className="state state--blank" />
        ) : (
          <div className="table-scroll">
            <table className="table users__table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.columns.name')}</th>
                  <th scope="col">{t('users.columns.role')}</th>
                  <th scope="col">{t('users.columns.reveal')}</th>
                  <th scope="col" className="table__when">
                    {t('users.columns.added')}
                  </th>
                  {manage && (
                    <th scope="col" className="users__actions-head">
                      <span className="visually-hidden">{t('users.columns.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    manage={manage}
                    onChanged={load}
                    onSetPassword={() => setPasswordFor(u)}
                    onRemove={() => setRemoving(u)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <RecoveryKeyCard />

      {adding && (
        <AddUserDialog
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            load();
          }}
        />
      )}
      {passwordFor && (
        <SetPasswordDialog
          user={passwordFor}
          onClose={() => setPasswordFor(null)}
          onDone={() => {
            setPasswordFor(null);
            load();
          }}
        />
      )}
      {removing && (
        <RemoveUserDialog
          user={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            load();
          }}
        />
      )}
    </div>
  );
}

function UserRow({
  user,
  manage,
  onChanged,
  onSetPassword,
  onRemove,
}: {
  user: UserSummary;
  manage: boolean;
  onChanged: () => void;
  onSetPassword: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { refresh } = useApp();
  const toast = useToast();
  const [busy, setBusy] = useState<'role' | 'reveal' | null>(null);
  const staff = user.role === 'staff';

  const change = async (what: 'role' | 'reveal', action: () => Promise<void>, done: string) => {
    setBusy(what);
    try {
      await action();
      toast.success(done);
      // Your own role decides what this app offers you: ask again.
      if (user.isYou) await refresh();
      onChanged();
    } catch (e) {
      toast.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(null);
    }
  };

  const setRole = (role: Role) =>
    void change('role', () => api.userSetRole(user.id, role), t('users.roleChanged', { name: user.name, role: t(`roles.${role}`) }));
  const setMayReveal = (mayReveal: boolean) =>
    void change(
      'reveal',
      () => api.userSetMayReveal(user.id, mayReveal),
      t(mayReveal ? 'users.revealOn' : 'users.revealOff', { name: user.name }),
    );

  return (
    <tr data-testid="users-row" data-name={user.name} data-role={user.role} data-you={user.isYou || undefined}>
      <td>
        <span className="users__name">
          <span className="strong">{user.name}</span>
          {user.isYou && (
            <span className="tag" data-testid="users-you">
              {t('users.you')}
            </span>
          )}
          {!user.hasPassword && (
            <span className="state-badge state-badge--expiring" title={t('users.noPasswordHint')} data-testid="users-no-password">
              {t('users.noPassword')}
            </span>
          )}
        </span>
      </td>
      <td>
        {manage ? (
          <span className="users__control">
            <select
              className="input users__role"
              value={user.role}
              disabled={busy !== null}
              onChange={(e) => setRole(e.target.value as Role)}
              aria-label={t('users.roleLabel', { name: user.name })}
              data-testid="user-role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            {busy === 'role' && <Spinner size={14} />}
          </span>
        ) : (
          t(`roles.${user.role}`)
        )}
      </td>
      <td data-testid="users-reveal" data-may-reveal={user.mayReveal}>
        {!staff ? (
          <span className="muted">{t('users.reveal.always')}</span>
        ) : manage ? (
          <label className="users__reveal">
            <input
              type="checkbox"
              checked={user.mayReveal}
              disabled={busy !== null}
              onChange={(e) => setMayReveal(e.target.checked)}
              aria-label={t('users.revealLabel', { name: user.name })}
              data-testid="user-may-reveal"
            />
            <span>{t(user.mayReveal ? 'users.reveal.allowed' : 'users.reveal.notAllowed')}</span>
            {busy === 'reveal' && <Spinner size={14} />}
          </label>
        ) : (
          t(user.mayReveal ? 'users.reveal.allowed' : 'users.reveal.notAllowed')
        )}
      </td>
      <td className="table__when">{addedOn(user.createdAt)}</td>
      {manage && (
        <td>
          <div className="users__actions">
            {user.isYou ? (
              <a className="link small" href="#/settings">
                {t('users.ownPassword')}
              </a>
            ) : (
              <>
                <button type="button" className="button button--secondary button--small" onClick={onSetPassword} data-testid="user-set-password">
                  <KeyRound size={16} aria-hidden="true" />
                  {t('users.setPassword')}
                </button>
                <button
                  type="button"
                  className="button button--danger-outline button--small"
                  onClick={onRemove}
                  aria-label={t('users.removeLabel', { name: user.name })}
                  data-testid="user-remove"
                >
                  <Trash2 size={16} aria-hidden="true" />
                  {t('users.remove')}
                </button>
              </>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

function AddUserDialog({ onClose, onAdded }: { onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [mayReveal, setMayReveal] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { assessment, pending, acceptable } = usePasswordAssessment(password);
  const showSpinner = useDelayedFlag(busy);
  const canSubmit = name.trim() !== '' && acceptable && password === confirm && !busy;
  /** A refusal about the name is shown under the name; any other under the form. */
  const nameError = error !== null && (error.code === 'user_exists' || (error.code === 'invalid_input' && error.params.field === 'user_name'));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const added = await api.userAdd(name.trim(), role, role === 'staff' && mayReveal, password, confirm);
      toast.success(t('users.added', { name: added.name }));
      onAdded();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('users.addTitle')} onClose={onClose} testId="user-add-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <p className="muted">{t('users.addLead')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('users.name')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={nameError || undefined}
            aria-describedby={nameError ? `${id}-name-error` : `${id}-name-hint`}
            data-testid="user-add-name"
          />
          {nameError && error ? (
            <p className="field__error" id={`${id}-name-error`} role="alert" data-testid="user-add-name-error">
              {errorText(t, error)}
            </p>
          ) : (
            <p className="field__hint" id={`${id}-name-hint`}>
              {t('users.nameHint')}
            </p>
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('users.role')}
          </label>
          <select
            id={`${id}-role`}
            className="input select"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role);
              setError(null);
            }}
            aria-describedby={`${id}-role-hint`}
            data-testid="user-add-role"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <p className="field__hint" id={`${id}-role-hint`}>
            {t(`roles.${role}Hint`)}
          </p>
        </div>
        {role === 'staff' && (
          <label className="checkbox">
            <input type="checkbox" checked={mayReveal} onChange={(e) => setMayReveal(e.target.checked)} data-testid="user-add-may-reveal" />
            <span>
              {t('users.mayReveal')}
              <span className="field__hint users__checkbox-hint">{t('users.mayRevealHint')}</span>
            </span>
          </label>
        )}
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={(v) => {
            setPassword(v);
            setError(null);
          }}
          onConfirm={(v) => {
            setConfirm(v);
            setError(null);
          }}
          assessment={assessment}
          pending={pending}
          passwordLabel={t('users.password')}
          confirmLabel={t('users.passwordRepeat')}
          passwordTestId="user-add-password"
          confirmTestId="user-add-password-confirm"
        />
        <p className="muted small">{t('users.passwordHint')}</p>
        {error && !nameError && <ErrorMessage error={error} testId="user-add-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="user-add-submit">
            {showSpinner ? <Spinner /> : <UserPlus size={18} aria-hidden="true" />}
            {t('users.addSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function SetPasswordDialog({ user, onClose, onDone }: { user: UserSummary; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { assessment, pending, acceptable } = usePasswordAssessment(password);
  const showSpinner = useDelayedFlag(busy);
  const canSubmit = acceptable && password === confirm && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.userSetPassword(user.id, password, confirm);
      toast.success(t('users.passwordSet', { name: user.name }));
      onDone();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('users.setPasswordTitle', { name: user.name })} onClose={onClose} testId="user-password-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <p className="muted">{t('users.setPasswordLead', { name: user.name })}</p>
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={(v) => {
            setPassword(v);
            setError(null);
          }}
          onConfirm={(v) => {
            setConfirm(v);
            setError(null);
          }}
          assessment={assessment}
          pending={pending}
          passwordLabel={t('users.password')}
          confirmLabel={t('users.passwordRepeat')}
          passwordTestId="user-new-password"
          confirmTestId="user-new-password-confirm"
        />
        {error && <ErrorMessage error={error} testId="user-password-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="user-new-password-submit">
            {showSpinner ? <Spinner /> : <KeyRound size={18} aria-hidden="true" />}
            {t('users.setPasswordSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Removing a user: what it does, that it cannot be undone, and their name typed to confirm. */
function RemoveUserDialog({ user, onClose, onRemoved }: { user: UserSummary; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [typed, setTyped] = useState('');
  const [rekey, setRekey] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirmed = folded(typed) === folded(user.name);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await api.userRemove(user.id, rekey);
      toast.success(t(done.rekeyed ? 'users.removedRekeyed' : 'users.removed', { name: user.name }));
      onRemoved();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('users.removeTitle', { name: user.name })} onClose={onClose} testId="user-remove-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed && !busy) void remove();
        }}
      >
        <div className="danger-box">
          <UserRoundX size={22} aria-hidden="true" />
          <div>
            <p className="danger-box__title">{t('users.removeLead', { name: user.name })}</p>
            <p>{t('users.removeJournal')}</p>
            <p className="strong">{t('users.removeIrreversible')}</p>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-confirm`}>
            {t('users.removeTypeName')} <strong className="confirm-word">{user.name}</strong>
          </label>
          <input
            id={`${id}-confirm`}
            className="input input--confirm"
            value={typed}
            disabled={busy}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            spellCheck={false}
            data-testid="user-remove-name"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={rekey} disabled={busy} onChange={(e) => setRekey(e.target.checked)} data-testid="user-remove-rekey" />
          <span>
            {t('users.removeRekey')}
            <span className="field__hint users__checkbox-hint">{t('users.removeRekeyHint')}</span>
          </span>
        </label>
        {error && <ErrorMessage error={error} testId="user-remove-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={!confirmed || busy} aria-busy={busy} data-testid="user-remove-confirm">
            {busy ? <Spinner /> : <Trash2 size={18} aria-hidden="true" />}
            {t('users.removeSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

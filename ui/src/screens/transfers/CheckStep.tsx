import { BellRing, CircleAlert, CircleCheck, FileLock2, FolderOpen, ShieldAlert, UserRoundMinus, X } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import { api, toApiError, type ApiError, type IdentifyingDraft, type IfExists, type PersonCheck, type RecipientRecord, type Transfer, type TransferCheck } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReplaceButton } from '../../components/ReplaceButton';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { todayIso } from '../../lib/obligations';
import { fieldLabel } from '../../lib/register';
import { peoplePath } from '../../lib/route';
import { basisText, lackingText, transferFileName, withCsv } from '../../lib/transfers';
import { coreText } from '../../lib/words';

/**
 * The wizard's last step: each person's basis for this transfer as the core found it — green with
 * the consent or the article, red with the reason — and the fields the file will carry and those
 * left out. While anyone lacks a basis the file cannot be saved: the step says so and offers to take
 * them off the list. Then the CSV is saved where the user says, with the warning that it holds
 * personal data in clear.
 */
export function CheckStep({
  draft,
  recipient,
  names,
  headingRef,
  onRemove,
  onSaved,
}: {
  draft: IdentifyingDraft;
  recipient: RecipientRecord;
  /** Names of the people picked by search (the others are shown by number). */
  names: Map<number, string>;
  headingRef?: React.RefObject<HTMLHeadingElement | null>;
  onRemove: (numbers: number[]) => void;
  onSaved: (transfer: Transfer, path: string, check: TransferCheck) => void;
}) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<TransferCheck | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(check === null && error === null);
  // The check is asked again whenever what is checked changes (a person taken off the list).
  const key = JSON.stringify(draft);

  const run = useCallback(() => {
    setError(null);
    let live = true;
    api
      .transferCheck(JSON.parse(key) as IdentifyingDraft)
      .then((c) => live && setCheck(c))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(run, [run]);

  return (
    <>
      <h2 className="subtitle" tabIndex={-1} ref={headingRef}>
        {t('transfers.check.title')}
      </h2>
      <p className="muted" data-testid="transfer-check-summary">
        {t('transfers.check.summary', { count: draft.people.length, recipient: recipient.name, purpose: draft.purpose })}
      </p>
      {error ? (
        <ErrorMessage error={error} testId="transfer-check-error">
          <button type="button" className="link-button" onClick={run}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      ) : check === null ? (
        showLoading ? <LoadingBlock label={t('transfers.check.checking')} /> : <div className="state state--blank" />
      ) : (
        <CheckResults check={check} recipient={recipient} names={names} onRemove={onRemove}>
          <SaveFile draft={draft} check={check} onSaved={(transfer, path) => onSaved(transfer, path, check)} onRefused={run} />
        </CheckResults>
      )}
    </>
  );
}

/** Lacking people first, then the others, each group in the order asked. */
function ordered(people: PersonCheck[]): PersonCheck[] {
  return [...people.filter((p) => p.basis === null), ...people.filter((p) => p.basis !== null)];
}

/** What the check found: who has a basis and who does not, and the fields the file carries. */
export function CheckResults({
  check,
  recipient,
  names,
  onRemove,
  children,
}: {
  check: TransferCheck;
  recipient: RecipientRecord;
  names: Map<number, string>;
  onRemove: (numbers: number[]) => void;
  /** The save part, shown under the results. */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const lacking = check.lacking.length;
  const notify = check.people.filter((p) => p.notify).length;
  return (
    <div className="transfer-check" data-testid="transfer-check" data-lacking={lacking}>
      {lacking > 0 ? (
        <div className="error-message transfer-check__verdict" role="alert" data-testid="transfer-lacking">
          <CircleAlert className="error-message__icon" size={18} aria-hidden="true" />
          <div>
            <p className="strong">{t('transfers.check.lacking', { count: lacking, total: check.people.length })}</p>
            <p>{t('transfers.check.lackingWhat', { recipient: recipient.name })}</p>
            <button type="button" className="button button--secondary button--small transfer-check__remove" onClick={() => onRemove(check.lacking)} data-testid="transfer-remove-lacking">
              <UserRoundMinus size={16} aria-hidden="true" />
              {t('transfers.check.removeLacking', { count: lacking })}
            </button>
          </div>
        </div>
      ) : (
        <div className="notice notice--success transfer-check__verdict" role="status" data-testid="transfer-all-covered">
          <CircleCheck size={20} aria-hidden="true" />
          <p>{t('transfers.check.allCovered', { count: check.people.length })}</p>
        </div>
      )}

      <div className="table-card table-card--auto transfer-check__table">
        <div className="table-scroll">
          <table className="table check-table" data-testid="transfer-check-table">
            <thead>
              <tr>
                <th scope="col">{t('transfers.check.person')}</th>
                <th scope="col">{t('transfers.check.basis')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('transfers.check.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered(check.people).map((p) => (
                <tr key={p.number} data-testid="check-row" data-number={p.number} data-basis={p.basis ?? ''} data-lacking={p.lacking ?? ''}>
                  <td className="check-table__person">
                    <span className="strong">{t('personPage.number', { number: p.number })}</span>
                    {names.get(p.number) && <span className="table__details">{names.get(p.number)}</span>}
                  </td>
                  <td>
                    {p.basis !== null ? (
                      <span className="check-basis check-basis--ok" data-testid="check-basis">
                        <CircleCheck size={16} aria-hidden="true" />
                        {basisText(t, p.basis)}
                      </span>
                    ) : (
                      <span className="check-basis check-basis--lacking" data-testid="check-lacking">
                        <CircleAlert size={16} aria-hidden="true" />
                        {lackingText(t, p.lacking ?? 'other', recipient)}
                      </span>
                    )}
                    {p.notify && (
                      <span className="table__details check-table__notify" data-testid="check-notify">
                        <BellRing size={14} aria-hidden="true" />
                        {t('transfers.check.notify')}
                      </span>
                    )}
                    {p.lacking === 'no_consent_to_recipient' || p.lacking === 'no_cross_border_consent' ? (
                      <a className="link table__details" href={peoplePath.person(String(p.number))}>
                        {t('transfers.check.openPerson')}
                      </a>
                    ) : null}
                  </td>
                  <td className="check-table__action">
                    <button
                      type="button"
                      className="icon-button icon-button--small"
                      onClick={() => onRemove([p.number])}
                      aria-label={t('transfers.wizard.removePerson', { number: p.number })}
                      title={t('transfers.wizard.removePerson', { number: p.number })}
                      data-testid="check-remove"
                    >
                      <X size={16} aria-hidden="true" />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <dl className="facts facts--compact transfer-check__fields">
        <div className="facts__row">
          <dt>{t('transfers.check.fields')}</dt>
          <dd data-testid="transfer-fields">{check.fields.length ? check.fields.map((f) => fieldLabel(t, f)).join(', ') : '—'}</dd>
        </div>
        {check.leftOut.length > 0 && (
          <div className="facts__row">
            <dt>{t('transfers.check.leftOut')}</dt>
            <dd>
              <span className="transfer-left-out" data-testid="transfer-left-out">
                {check.leftOut.map((f) => fieldLabel(t, f)).join(', ')}
              </span>
              <span className="table__details">{t('transfers.check.leftOutWhy')}</span>
            </dd>
          </div>
        )}
        {notify > 0 && lacking === 0 && (
          <div className="facts__row">
            <dt>{t('transfers.check.notices')}</dt>
            <dd data-testid="transfer-notify-count">{t('transfers.check.noticesText', { count: notify })}</dd>
          </div>
        )}
      </dl>

      {children}
    </div>
  );
}

/**
 * Where to save the CSV, the warning that it holds personal data in clear, and the button — which
 * stays disabled, with a sentence saying why, while anyone lacks a basis or no field is left.
 */
function SaveFile({
  draft,
  check,
  onSaved,
  onRefused,
}: {
  draft: IdentifyingDraft;
  check: TransferCheck;
  onSaved: (transfer: Transfer, path: string) => void;
  /** The core refused for want of a basis after all (a consent changed meanwhile): check again. */
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [path, setPath] = useState('');
  const [touched, setTouched] = useState(false);
  // Only the path the system's dialog confirmed may replace a file without asking.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [busy, setBusy] = useState<'choose' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy === 'save', 150);
  const name = transferFileName(todayIso());
  const blocked = check.lacking.length > 0 ? 'lacking' : check.fields.length === 0 ? 'fields' : null;

  useEffect(() => {
    if (touched) return;
    let live = true;
    api
      .defaultSavePath(name)
      .then((p) => live && setPath(p))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [name, touched]);

  const choose = async () => {
    setBusy('choose');
    setError(null);
    try {
      // The export dialog, not the documents' one: it offers CSV.
      const chosen = await api.chooseExportPath(name, 'csv');
      if (chosen) {
        setPath(withCsv(chosen));
        setTouched(true);
        setConfirmed(chosen);
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const save = async (replace = false) => {
    const target = withCsv(path);
    setPath(target);
    setBusy('save');
    setError(null);
    try {
      const ifExists: IfExists = replace || target === confirmed ? 'replace' : 'refuse';
      const transfer = await api.transferIdentifyingSave(draft, target, ifExists);
      onSaved(transfer, target);
    } catch (e) {
      const err = toApiError(e);
      setError(err);
      setBusy(null);
      if (err.code === 'invalid_input' && err.params.reason === 'transfer_basis_missing') onRefused();
    }
  };

  return (
    <section className="transfer-save" aria-labelledby={`${id}-title`} data-testid="transfer-save">
      <h3 id={`${id}-title`} className="transfer-save__title">
        {t('transfers.save.title')}
      </h3>
      <div className="notice notice--warning transfer-save__warning" data-testid="transfer-warning">
        <ShieldAlert size={20} aria-hidden="true" />
        <div>
          <p className="notice__title">{t('transfers.save.warningTitle')}</p>
          <p>{t('transfers.save.warning')}</p>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-path`}>
          {t('save.path')}
        </label>
        <div className="input-row">
          <input
            id={`${id}-path`}
            className="input input--path"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              setTouched(true);
              setError(null);
            }}
            onBlur={() => path.trim() && setPath(withCsv(path))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.preventDefault();
            }}
            spellCheck={false}
            autoComplete="off"
            disabled={blocked !== null}
            data-testid="transfer-path"
          />
          <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy !== null || blocked !== null} data-testid="transfer-choose">
            <FolderOpen size={18} aria-hidden="true" />
            {t('save.choose')}
          </button>
        </div>
        <p className="field__hint">{t('transfers.save.pathHint')}</p>
      </div>
      {error && (
        <ErrorMessage error={error} testId="transfer-save-error">
          {error.code === 'file_exists' && <ReplaceButton onReplace={() => void save(true)} disabled={busy !== null} testId="transfer-replace" />}
          {error.code === 'invalid_input' && error.params.field === 'organisation' && (
            <a className="link" href="#/settings">
              {t('reports.export.openSettings')}
            </a>
          )}
        </ErrorMessage>
      )}
      <div className="actions actions--end transfer-save__actions">
        {blocked && (
          <p className="transfer-save__why" id={`${id}-why`} data-testid="transfer-save-why">
            {blocked === 'lacking' ? t('transfers.save.blockedLacking', { count: check.lacking.length }) : coreText('reason-transfer_fields_not_covered')}
          </p>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={blocked !== null || busy !== null || path.trim() === ''}
          aria-busy={busy === 'save'}
          aria-describedby={blocked ? `${id}-why` : undefined}
          data-testid="transfer-save-button"
        >
          {showSpinner ? <Spinner /> : <FileLock2 size={18} aria-hidden="true" />}
          {t('transfers.save.submit')}
        </button>
      </div>
    </section>
  );
}

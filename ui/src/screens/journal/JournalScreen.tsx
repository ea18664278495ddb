import { ChevronLeft, ChevronRight, ScrollText } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import './journal.css';
import { api, toApiError, type ApiError, type JournalEntry, type JournalPage } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { monthText } from '../../lib/reports';
import { IntegrityCheck } from './Integrity';

const PAGE_SIZE = 50;

/** The action code in words; a code this UI does not know yet is shown as it is. */
export function actionText(t: TFunction, code: string, i18nExists: (key: string) => boolean): string {
  const key = `journal.actions.${code}`;
  return i18nExists(key) ? t(key) : code;
}

/** Field keys in a journal entry's details, as translated field names. */
function fieldNames(t: TFunction, value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  return value
    .filter((f): f is string => typeof f === 'string')
    .map((f) => t(`fields.${f}`, { defaultValue: f }))
    .join(', ');
}

/** A line under the action with what the entry's details say (never personal data: the backend
 *  journals keys and counts only). */
export function detailsText(t: TFunction, entry: JournalEntry, exists: (key: string) => boolean): string | null {
  const d = entry.details ?? {};
  switch (entry.action) {
    case 'subject.created':
      return typeof d.kind === 'string' ? t(`kinds.${d.kind}`, { defaultValue: d.kind }) : null;
    case 'subject.updated': {
      const names = fieldNames(t, d.fields);
      return names ? t('journal.details.fields', { fields: names }) : null;
    }
    case 'subject.revealed': {
      const names = fieldNames(t, d.fields);
      if (typeof d.people === 'number') {
        return [t('journal.details.people', { count: d.people }), names].filter(Boolean).join(' · ');
      }
      return names ? t('journal.details.fields', { fields: names }) : null;
    }
    case 'subject.access_changed':
      return d.access === 'public' || d.access === 'restricted' ? t(`journal.details.access.${d.access}`) : null;
    case 'subjects.imported':
    case 'demo.created':
      return typeof d.rows === 'number' ? t('journal.details.people', { count: d.rows }) : null;
    case 'services.imported': {
      // `rows`: the services added; `alreadyRecorded`: rows skipped as already on file.
      if (typeof d.rows !== 'number') return null;
      return [
        t('journal.details.services', { count: d.rows }),
        typeof d.people === 'number' ? t('journal.details.people', { count: d.people }) : null,
        typeof d.alreadyRecorded === 'number' && d.alreadyRecorded > 0 ? t('journal.details.alreadyOnFile', { count: d.alreadyRecorded }) : null,
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'inventory.approved':
      return typeof d.version === 'number' ? t('journal.details.version', { version: d.version }) : null;
    case 'vault.unlock_failed': {
      const count = typeof d.count === 'number' ? d.count : null;
      if (count === null) return null;
      const first = typeof d.first === 'string' ? formatDateTime(d.first) : null;
      const last = typeof d.last === 'string' ? formatDateTime(d.last) : null;
      return first && last && first !== last
        ? t('journal.details.attemptsBetween', { count, first, last })
        : t('journal.details.attempts', { count });
    }
    case 'settings.changed': {
      if (typeof d.key !== 'string') return null;
      const key = `journal.settingKeys.${d.key}`;
      const name = exists(key) ? t(key) : d.key;
      // The clocks' settings are journaled with their value (a number of days or attempts).
      return (d.key === 'request_answer_days' || d.key === 'breach_unlock_threshold') && (typeof d.value === 'string' || typeof d.value === 'number')
        ? `${name}: ${d.value}`
        : name;
    }
    case 'vault.locked':
      return d.reason === 'idle' ? t('journal.details.lockedIdle') : null;
    case 'consent.recorded':
    case 'consent.evidence_attached':
    case 'consent.form_printed':
      return typeof d.consent === 'number' ? t('journal.details.consent', { number: d.consent }) : null;
    case 'consent.withdrawn': {
      if (typeof d.consent !== 'number') return null;
      const parts = [t('journal.details.consent', { number: d.consent })];
      if (typeof d.scope === 'string') parts.push(t(`consent.scopes.${d.scope}`, { defaultValue: d.scope }));
      if (d.outcome === 'refused') parts.push(t('journal.details.refused'));
      return parts.join(' · ');
    }
    case 'subject.blocked':
    case 'subject.unblocked':
    case 'subject.hold_placed': {
      if (typeof d.reason !== 'string') return null;
      const key = `lifecycle.reasons.${d.reason}`;
      return exists(key) ? t(key) : d.reason;
    }
    case 'subject.legal_ground_changed':
      return typeof d.ground === 'string' ? t(`lifecycle.legalGrounds.${d.ground}`, { defaultValue: d.ground }) : t('journal.details.groundCleared');
    case 'subjects.anonymised':
    case 'subjects.destroyed': {
      const parts: string[] = [];
      if (typeof d.act === 'number') parts.push(t('journal.details.act', { number: d.act }));
      if (typeof d.people === 'number') parts.push(t('journal.details.people', { count: d.people }));
      if (typeof d.ground === 'string') parts.push(t(`lifecycle.grounds.${d.ground}`, { defaultValue: d.ground }));
      return parts.join(' · ') || null;
    }
    case 'act.printed':
      return typeof d.act === 'number' ? t('journal.details.act', { number: d.act }) : null;
    case 'report.built': {
      const parts: string[] = [];
      if (typeof d.measure === 'string') parts.push(t(`reports.measures.${d.measure}`, { defaultValue: d.measure }));
      if (Array.isArray(d.by) && d.by.length) parts.push(d.by.map((x) => t(`reports.dimensions.${String(x)}`, { defaultValue: String(x) })).join(' × '));
      if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(`${monthText(d.from)}–${monthText(d.to)}`);
      return parts.join(' · ') || null;
    }
    case 'release.built': {
      const parts: string[] = [];
      if (typeof d.k === 'number') parts.push(typeof d.l === 'number' ? `k = ${d.k}, l = ${d.l}` : `k = ${d.k}`);
      if (typeof d.rows === 'number') parts.push(t('journal.details.rows', { count: d.rows }));
      if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(`${monthText(d.from)}–${monthText(d.to)}`);
      return parts.join(' · ') || null;
    }
    case 'transfer.notice_given':
      return typeof d.transfer === 'number' && typeof d.number === 'number'
        ? `${t('journal.details.transfer', { number: d.transfer })} · ${t('personPage.number', { number: d.number })}`
        : null;
    case 'recipient.added':
      return typeof d.recipient === 'number' ? t('journal.details.recipient', { number: d.recipient }) : null;
    case 'transfer.recorded': {
      const parts: string[] = [];
      if (typeof d.number === 'number') parts.push(t('journal.details.transfer', { number: d.number }));
      if (typeof d.kind === 'string') parts.push(t(`reports.ledger.kinds.${d.kind}`, { defaultValue: d.kind }));
      if (typeof d.format === 'string') parts.push(d.format.toUpperCase());
      return parts.join(' · ') || null;
    }
    case 'user.added':
      return typeof d.role === 'string' ? t(`roles.${d.role}`, { defaultValue: d.role }) : null;
    case 'user.changed':
      if (typeof d.role === 'string') return t(`roles.${d.role}`, { defaultValue: d.role });
      if (typeof d.may_reveal === 'boolean') return t(d.may_reveal ? 'users.reveal.allowed' : 'users.reveal.notAllowed');
      return null;
    case 'retention.rules_changed':
      return typeof d.rules === 'number' ? t('journal.details.rules', { count: d.rules }) : null;
    case 'subject.sees_data_changed':
      return typeof d.sees_data === 'boolean' ? t(d.sees_data ? 'journal.details.seesData.on' : 'journal.details.seesData.off') : null;
    case 'paper.produced':
    case 'paper.previewed': {
      const parts: string[] = [];
      if (typeof d.paper === 'string') parts.push(t(`documents.papers.${d.paper}`, { defaultValue: d.paper }));
      if (typeof d.number === 'number') parts.push(t('journal.details.paper', { number: d.number }));
      if (d.lang === 'kk' || d.lang === 'ru') parts.push(t(`documents.langIn.${d.lang}`));
      return parts.join(' · ') || null;
    }
    case 'pack.produced': {
      const parts: string[] = [];
      if (typeof d.number === 'number') parts.push(t('journal.details.paper', { number: d.number }));
      if (typeof d.files === 'number') parts.push(t('journal.details.files', { count: d.files }));
      if (d.lang === 'kk' || d.lang === 'ru') parts.push(t(`documents.langIn.${d.lang}`));
      return parts.join(' · ') || null;
    }
    case 'calendar.changed': {
      if (typeof d.year !== 'number') return null;
      if (d.reset === true) return t('journal.details.calendarReset', { year: d.year });
      const parts = [String(d.year)];
      if (typeof d.daysOff === 'number') parts.push(t('journal.details.daysOff', { count: d.daysOff }));
      if (typeof d.workingDays === 'number') parts.push(t('journal.details.workingDays', { count: d.workingDays }));
      return parts.join(' · ');
    }
    case 'request.registered':
    case 'request.answered':
    case 'request.closed': {
      const parts: string[] = [];
      if (typeof d.request === 'number') parts.push(t('journal.details.request', { number: d.request }));
      if (typeof d.kind === 'string') parts.push(t(`requests.kinds.${d.kind}`, { defaultValue: d.kind }));
      if (typeof d.term === 'number') parts.push(t('journal.details.term', { count: d.term }));
      if (typeof d.answer === 'number') parts.push(t('journal.details.answer', { number: d.answer }));
      if (d.lang === 'kk' || d.lang === 'ru') parts.push(t(`documents.langIn.${d.lang}`));
      if (d.outcome === 'done' || d.outcome === 'refused') parts.push(t(`requests.outcome.${d.outcome}`));
      return parts.join(' · ') || null;
    }
    case 'breach.recorded':
    case 'breach.updated':
    case 'breach.notice_produced': {
      const parts: string[] = [];
      if (typeof d.breach === 'number') parts.push(t('journal.details.breach', { number: d.breach }));
      if (typeof d.kind === 'string') parts.push(t(`breaches.kinds.${d.kind}`, { defaultValue: d.kind }));
      if (typeof d.affected === 'number') parts.push(t('journal.details.people', { count: d.affected }));
      if (typeof d.proposedBy === 'string') parts.push(t('journal.details.proposedByDerbes'));
      if (typeof d.what === 'string') {
        const key = `journal.details.breachWhat.${d.what}`;
        parts.push(exists(key) ? t(key) : d.what);
      }
      if (typeof d.subjectsTold === 'string') parts.push(t(`breaches.told.${d.subjectsTold}`, { defaultValue: d.subjectsTold }));
      if (typeof d.notice === 'number') parts.push(t('journal.details.notice', { number: d.notice }));
      if (d.lang === 'kk' || d.lang === 'ru') parts.push(t(`documents.langIn.${d.lang}`));
      return parts.join(' · ') || null;
    }
    default:
      return null;
  }
}

export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<JournalPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const showLoading = useDelayedFlag(loading);
  const exists = (key: string) => i18n.exists(key);

  const load = useCallback(async (from: number) => {
    setLoading(true);
    setError(null);
    try {
      setPage(await api.journalList(PAGE_SIZE, from));
      setOffset(from);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(0);
  }, [load]);

  const total = page?.total ?? 0;
  const entries = page?.entries ?? [];

  return (
    <div className="page page--full">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('journal.title')}</h1>
          <p className="page__lead">{t('journal.lead')}</p>
        </div>
      </header>

      <section className="card card--flat" aria-label={t('integrity.title')}>
        <IntegrityCheck />
      </section>

      <section
        className={`table-card${page !== null && total === 0 ? ' table-card--empty' : ''}`}
        aria-labelledby="journal-table-title" aria-busy={loading}>
        <h2 id="journal-table-title" className="visually-hidden">
          {t('journal.tableTitle')}
        </h2>
        {error ? (
          <div className="state">
            <ErrorMessage error={error} />
            <button type="button" className="button button--secondary" onClick={() => void load(offset)}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : page === null ? (
          showLoading ? <LoadingBlock label={t('journal.loading')} /> : <div className="state state--blank" />
        ) : total === 0 ? (
          <div className="state">
            <ScrollText size={32} aria-hidden="true" className="state__icon" />
            <p className="state__title">{t('journal.emptyTitle')}</p>
            <p className="muted">{t('journal.emptyText')}</p>
          </div>
        ) : (
          <>
            <div className="table-scroll" tabIndex={0} aria-label={t('journal.tableTitle')}>
              <table className="table" data-testid="journal-table">
                <thead>
                  <tr>
                    <th scope="col" className="table__num">{t('journal.columns.seq')}</th>
                    <th scope="col" className="table__when">{t('journal.columns.when')}</th>
                    <th scope="col">{t('journal.columns.who')}</th>
                    <th scope="col">{t('journal.columns.action')}</th>
                    <th scope="col">{t('journal.columns.object')}</th>
                  </tr>
                </thead>
                <tbody className={loading ? 'is-loading' : undefined}>
                  {entries.map((entry) => {
                    const details = detailsText(t, entry, exists);
                    return (
                      <tr key={entry.seq} data-action={entry.action}>
                        <td className="table__num">{entry.seq}</td>
                        <td className="table__when">{formatDateTime(entry.at)}</td>
                        <td>{entry.userName ?? <span className="muted">{t('journal.noUser')}</span>}</td>
                        <td>
                          <span className={`action action--${entry.action.split('.').join('-')}`}>
                            {actionText(t, entry.action, exists)}
                          </span>
                          {details && <span className="table__details">{details}</span>}
                        </td>
                        <td>
                          <ObjectCell entry={entry} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <footer className="pager">
              <span className="pager__range">
                {t('journal.range', {
                  from: offset + 1,
                  to: Math.min(offset + entries.length, total),
                  total,
                })}
              </span>
              <div className="pager__buttons">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={offset === 0 || loading}
                  onClick={() => void load(Math.max(0, offset - PAGE_SIZE))}
                >
                  <ChevronLeft size={16} aria-hidden="true" />
                  {t('journal.newer')}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={offset + PAGE_SIZE >= total || loading}
                  onClick={() => void load(offset + PAGE_SIZE)}
                >
                  {t('journal.older')}
                  <ChevronRight size={16} aria-hidden="true" />
                </button>
              </div>
            </footer>
          </>
        )}
      </section>
    </div>
  );
}

/** The object of an entry; a person is shown by record number with a link, not by internal id. */
function ObjectCell({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const number = entry.details?.number;
  if ((entry.action.startsWith('subject.') || entry.action.startsWith('consent.') || entry.action.startsWith('request.')) && entry.object && typeof number === 'number') {
    return (
      <a className="link" href={`#/people/${encodeURIComponent(entry.object)}`}>
        {t('personPage.number', { number })}
      </a>
    );
  }
  const breach = entry.details?.breach;
  if (entry.action.startsWith('breach.') && typeof breach === 'number') {
    return (
      <a className="link" href={`#/breaches/${breach}`}>
        {t('journal.details.breach', { number: breach })}
      </a>
    );
  }
  if (entry.action === 'transfer.recorded' && typeof number === 'number') {
    return (
      <a className="link" href="#/reports/ledger">
        {t('journal.details.transfer', { number })}
      </a>
    );
  }
  return entry.object ? <>{entry.object}</> : <span className="muted">—</span>;
}

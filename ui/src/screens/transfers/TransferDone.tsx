import { BellRing, BookCheck, CircleCheck, ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './transfers.css';
import type { Transfer, TransferCheck } from '../../api';
import { Path } from '../../components/Path';
import { formatDate } from '../../lib/format';
import { fieldLabel } from '../../lib/register';
import { shortSha } from '../../lib/reports';
import { identifyingFacts, transfersPath } from '../../lib/transfers';
import { BackLink } from '../people/PersonForm';

/**
 * After the file was written: the ledger entry as the core recorded it (number, recipient, date,
 * the people and fields it carried, the file's SHA-256), the warning to send it only by a protected
 * channel, and the people to be told of it (Art. 19).
 */
export function TransferDone({
  transfer: x,
  path,
  check,
  headingRef,
}: {
  transfer: Transfer;
  path: string;
  check: TransferCheck;
  headingRef?: React.RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const facts = identifyingFacts(x);
  const notify = check.people.filter((p) => p.notify).length;
  const fields = facts.fields.length ? facts.fields : check.fields;
  return (
    <div className="page transfer-wizard" data-testid="transfer-done" data-number={x.number}>
      <BackLink href={transfersPath.recipients()} label={t('transfers.back')} />
      <header className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1} ref={headingRef}>
            {t('transfers.done.title', { number: x.number })}
          </h1>
          <p className="page__lead">{t('transfers.done.lead')}</p>
        </div>
      </header>

      <div className="notice notice--warning transfer-done__warning" role="alert" data-testid="transfer-done-warning">
        <ShieldAlert size={22} aria-hidden="true" />
        <div>
          <p className="notice__title">{t('transfers.save.warningTitle')}</p>
          <p>{t('transfers.save.warning')}</p>
        </div>
      </div>

      <section className="card card--panel transfer-done" aria-labelledby="transfer-done-entry">
        <h2 id="transfer-done-entry" className="card__title transfer-done__entry">
          <CircleCheck size={20} aria-hidden="true" />
          {t('transfers.done.entry', { number: x.number })}
        </h2>
        <dl className="facts" data-testid="transfer-done-facts">
          <div className="facts__row">
            <dt>{t('reports.ledger.recipient')}</dt>
            <dd data-testid="transfer-done-recipient">{x.recipient}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('reports.ledger.purpose')}</dt>
            <dd>{x.purpose}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('transfers.done.date')}</dt>
            <dd>
              {formatDate(new Date(x.at))} · {x.userName}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('transfers.done.people')}</dt>
            <dd data-testid="transfer-done-people">{t('transfers.done.peopleCount', { count: facts.people ?? check.people.length })}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('transfers.done.fields')}</dt>
            <dd>{fields.map((f) => fieldLabel(t, f)).join(', ')}</dd>
          </div>
          {facts.leftOut.length > 0 && (
            <div className="facts__row">
              <dt>{t('transfers.check.leftOut')}</dt>
              <dd>{facts.leftOut.map((f) => fieldLabel(t, f)).join(', ')}</dd>
            </div>
          )}
          <div className="facts__row">
            <dt>{t('transfers.done.file')}</dt>
            <dd data-testid="transfer-done-path">
              <Path path={path} />
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('reports.ledger.sha')}</dt>
            <dd>
              <code className="mono" title={x.sha256}>
                {shortSha(x.sha256)}
              </code>
            </dd>
          </div>
        </dl>
      </section>

      {notify > 0 && (
        <div className="notice notice--info" data-testid="transfer-done-notify">
          <BellRing size={20} aria-hidden="true" />
          <div>
            <p>{t('transfers.done.notify', { count: notify })}</p>
            <a className="link" href={transfersPath.notices()}>
              {t('transfers.done.openNotices')}
            </a>
          </div>
        </div>
      )}

      <div className="actions">
        <a className="button button--secondary" href={transfersPath.ledger()} data-testid="transfer-done-ledger">
          <BookCheck size={18} aria-hidden="true" />
          {t('transfers.done.openLedger')}
        </a>
        <a className="button button--ghost" href={transfersPath.recipients()}>
          {t('transfers.done.back')}
        </a>
      </div>
    </div>
  );
}

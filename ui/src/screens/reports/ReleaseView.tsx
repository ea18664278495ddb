import { ArrowRight, FileDown, Info, ShieldCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import './release.css';
import type { Release } from '../../api';
import { monthText } from '../../lib/reports';
import { useCount, useUiLanguage } from '../../lib/register';

/**
 * A computed release as the core reports it: the k (and l) reached, how many rows go out and how
 * many were left out, how each column was generalised, the method, and the first rows.
 */
export function ReleaseView({ release, titleId, stale, onExport }: { release: Release; titleId: string; stale: boolean; onExport: () => void }) {
  const { t } = useTranslation();
  const count = useCount();
  const lang = useUiLanguage();
  const percent = (n: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 }).format(n);
  const leftOutPct = release.people > 0 ? (release.suppressed / release.people) * 100 : 0;

  return (
    <>
      <header className="result__header">
        <div className="result__heading">
          <h2 id={titleId} className="result__title">
            {t('reports.release.resultTitle', { from: monthText(release.spec.from), to: monthText(release.spec.to) })}
          </h2>
          <p className="muted">{t('reports.release.resultLead', { people: count(release.people) })}</p>
        </div>
        <button type="button" className="button button--primary" onClick={onExport} data-testid="release-export">
          <FileDown size={18} aria-hidden="true" />
          {t('reports.export.open')}
        </button>
      </header>

      {stale && (
        <div className="notice notice--info" role="status" data-testid="release-stale">
          <Info size={18} aria-hidden="true" />
          <p>{t('reports.release.stale')}</p>
        </div>
      )}

      <dl className="figures figures--release" data-testid="release-summary">
        <div className="figures__item figures__item--accent">
          <dt>{t('reports.release.kAchieved')}</dt>
          <dd className="figures__value" data-testid="release-k-achieved">
            {release.kAchieved}
          </dd>
          <dd className="figures__note">{t('reports.release.kRequired', { k: release.spec.k, smallest: count(release.kAchieved) })}</dd>
        </div>
        {release.lAchieved !== null && (
          <div className="figures__item figures__item--accent">
            <dt>{t('reports.release.lAchieved')}</dt>
            <dd className="figures__value" data-testid="release-l-achieved">
              {release.lAchieved}
            </dd>
            <dd className="figures__note">{t('reports.release.lRequired', { l: release.spec.l ?? '—' })}</dd>
          </div>
        )}
        <div className="figures__item">
          <dt>{t('reports.release.rows')}</dt>
          <dd className="figures__value" data-testid="release-rows">
            {count(release.rowCount)}
          </dd>
          <dd className="figures__note">{t('reports.release.groups', { count: release.classes, formatted: count(release.classes) })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('reports.release.leftOut')}</dt>
          <dd className="figures__value" data-testid="release-left-out">
            {count(release.suppressed)}
          </dd>
          <dd className="figures__note">{t('reports.release.leftOutNote', { percent: percent(leftOutPct), max: percent(release.spec.maxSuppressedPercent) })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('reports.release.loss')}</dt>
          <dd className="figures__value" data-testid="release-loss">
            {percent(release.informationLossPercent)} %
          </dd>
          <dd className="figures__note">{t('reports.release.lossNote')}</dd>
        </div>
      </dl>

      <section className="transform" aria-labelledby={`${titleId}-transform`} data-testid="release-transformation">
        <div className="transform__head">
          <h3 id={`${titleId}-transform`} className="transform__title">
            {t('reports.release.transformation')}
          </h3>
          <p className="muted small" data-testid="release-nodes">
            {t('reports.release.examined', { evaluated: count(release.nodesEvaluated), total: count(release.nodesTotal) })}
          </p>
        </div>
        <ul className="transform__list">
          {release.transformation.map((c) => {
            const steps = Math.max(1, c.levels - 1);
            return (
              <li key={c.attribute} className="transform__item" data-testid={`release-level-${c.attribute}`}>
                <span className="transform__column">{c.label}</span>
                <ArrowRight size={15} aria-hidden="true" className="transform__arrow" />
                <span className={`transform__level${c.level === c.levels - 1 ? ' transform__level--hidden' : ''}`}>{c.levelLabel}</span>
                <span
                  className="level-meter"
                  role="img"
                  aria-label={t('reports.release.levelOf', { level: c.level, levels: steps })}
                  title={t('reports.release.levelOf', { level: c.level, levels: steps })}
                >
                  {Array.from({ length: steps }, (_, i) => (
                    <span key={i} className={`level-meter__step${i < c.level ? ' level-meter__step--on' : ''}`} />
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      </section>

      <details className="method" data-testid="release-method">
        <summary>
          <ShieldCheck size={18} aria-hidden="true" />
          {t('reports.release.method')}
        </summary>
        <ul className="method__list">
          {release.method.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      </details>

      <section className="table-card table-card--auto release-preview" aria-labelledby={`${titleId}-preview`}>
        <header className="release-preview__head">
          <h3 id={`${titleId}-preview`} className="transform__title">
            {t('reports.release.preview')}
          </h3>
          <p className="muted small" data-testid="release-showing">
            {release.rowCount > release.rows.length
              ? t('reports.release.showing', { shown: count(release.rows.length), total: count(release.rowCount) })
              : t('reports.release.showingAll', { count: release.rowCount, formatted: count(release.rowCount) })}
          </p>
        </header>
        {release.rows.length === 0 ? (
          <div className="state">
            <p className="muted">{t('reports.release.noRows')}</p>
          </div>
        ) : (
          <div className="release-preview__scroll" tabIndex={0} role="region" aria-labelledby={`${titleId}-preview`}>
            <table className="table release-table" data-testid="release-preview">
              <thead>
                <tr>
                  <th scope="col" className="release-table__n">
                    №
                  </th>
                  {release.headers.map((h, i) => (
                    <th key={i} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {release.rows.map((row, r) => (
                  <tr key={r}>
                    <td className="release-table__n">{r + 1}</td>
                    {row.map((v, c) => (
                      <td key={c} className={v === '*' ? 'release-table__star' : undefined}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

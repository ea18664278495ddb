import { FileDown, Info, ShieldCheck } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import './reports.css';
import type { Report, ReportCell, ReportPanel } from '../../api';
import { useCount } from '../../lib/register';

/**
 * A built report as the core made it: every panel as a table (hidden cells as "<5" or "x"), a bar
 * chart of each panel's row totals, what was hidden and left out, and the method.
 */
export function ReportView({ report, titleId, stale, onExport }: { report: Report; titleId: string; stale: boolean; onExport: () => void }) {
  const { t } = useTranslation();
  const count = useCount();
  const threshold = report.spec.threshold;
  const hiddenCells = report.primary + report.secondary;
  const byText = report.axes.map((a) => a.label).join(' × ');

  return (
    <>
      <header className="result__header">
        <div className="result__heading">
          <h2 id={titleId} className="result__title" data-testid="report-title">
            {report.title}
          </h2>
          {byText && <p className="muted">{t('reports.view.by', { by: byText })}</p>}
        </div>
        <button type="button" className="button button--primary" onClick={onExport} data-testid="report-export">
          <FileDown size={18} aria-hidden="true" />
          {t('reports.export.open')}
        </button>
      </header>

      {stale && (
        <div className="notice notice--info" role="status" data-testid="report-stale">
          <Info size={18} aria-hidden="true" />
          <p>{t('reports.view.stale')}</p>
        </div>
      )}

      <dl className="figures" data-testid="report-summary">
        <div className="figures__item">
          <dt>{t('reports.view.grandTotal')}</dt>
          <dd className="figures__value" data-testid="report-grand-total">
            {report.grandTotal !== null ? count(report.grandTotal) : <span className="figures__hidden">{t('reports.view.hidden')}</span>}
          </dd>
          <dd className="figures__note">{report.measureLabel}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('reports.view.hiddenCells')}</dt>
          <dd className="figures__value" data-testid="report-hidden-cells">
            {count(hiddenCells)}
          </dd>
          <dd className="figures__note">{t('reports.view.hiddenSplit', { primary: count(report.primary), secondary: count(report.secondary), n: threshold })}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('reports.view.anonymous')}</dt>
          <dd className="figures__value">{count(report.fromAnonymousRecords)}</dd>
          <dd className="figures__note">{t('reports.view.anonymousNote')}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('reports.view.blocked')}</dt>
          <dd className="figures__value">{count(report.blockedLeftOut)}</dd>
          <dd className="figures__note">{t('reports.view.blockedNote')}</dd>
        </div>
      </dl>

      {hiddenCells > 0 && (
        <ul className="legend" aria-label={t('reports.view.legend')} data-testid="report-legend">
          {report.primary > 0 && (
            <li>
              <span className="cell-chip cell-chip--primary">{`<${threshold}`}</span>
              {t('reports.view.primary', { n: threshold })}
            </li>
          )}
          {report.secondary > 0 && (
            <li>
              <span className="cell-chip cell-chip--secondary">x</span>
              {t('reports.view.secondary')}
            </li>
          )}
        </ul>
      )}

      <div className="panels">
        {report.panels.map((panel, i) => (
          <article key={i} className="report-panel" data-testid={`report-panel-${i}`} aria-label={panel.title ?? report.title}>
            {panel.title && <h3 className="report-panel__title">{panel.title}</h3>}
            <div className="report-panel__body">
              <PanelTable panel={panel} report={report} />
              {panel.chart.length > 0 && <PanelChart panel={panel} index={i} threshold={threshold} />}
            </div>
          </article>
        ))}
      </div>

      <details className="method" data-testid="report-method">
        <summary>
          <ShieldCheck size={18} aria-hidden="true" />
          {t('reports.view.method')}
        </summary>
        <ul className="method__list">
          {report.method.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

const hiddenHint = (t: TFunction, mark: ReportCell['mark'], threshold: number) =>
  mark === 'primary' ? t('reports.view.primary', { n: threshold }) : t('reports.view.secondary');

function Cell({ cell, threshold, strong }: { cell: ReportCell; threshold: number; strong: boolean }) {
  const { t } = useTranslation();
  const count = useCount();
  if (cell.mark === 'shown') {
    return <td className={`report-table__num${strong ? ' report-table__total' : ''}`}>{cell.count !== null ? count(cell.count) : cell.text}</td>;
  }
  const hint = hiddenHint(t, cell.mark, threshold);
  return (
    <td className={`report-table__num report-table__hidden report-table__hidden--${cell.mark}${strong ? ' report-table__total' : ''}`} data-mark={cell.mark}>
      <abbr title={hint} aria-label={`${cell.text}: ${hint}`}>
        {cell.text}
      </abbr>
    </td>
  );
}

function PanelTable({ panel, report }: { panel: ReportPanel; report: Report }) {
  const { t } = useTranslation();
  const hasColumns = report.axes.length >= 2;
  const threshold = report.spec.threshold;
  const columnAxis = hasColumns ? report.axes[1]!.label : null;
  return (
    <div className="report-table-scroll" tabIndex={0} role="region" aria-label={panel.title ?? report.title}>
      <table className="table report-table">
        <caption className="visually-hidden">
          {[report.title, panel.title, columnAxis ? t('reports.view.columnsAre', { axis: columnAxis }) : null].filter(Boolean).join('. ')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="report-table__corner">
              {panel.rowHeader}
              {columnAxis && <span className="report-table__axis"> / {columnAxis}</span>}
            </th>
            {panel.columns.map((c, ci) => (
              <th key={ci} scope="col" className={`report-table__num${hasColumns && ci === panel.columns.length - 1 ? ' report-table__total' : ''}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {panel.rows.map((row, ri) => (
            <tr key={ri} className={row.total ? 'report-table__total-row' : undefined}>
              <th scope="row" className={`report-table__label${row.total ? ' report-table__total' : ''}`}>
                {row.label}
              </th>
              {row.cells.map((cell, ci) => (
                <Cell key={ci} cell={cell} threshold={threshold} strong={row.total || (hasColumns && ci === row.cells.length - 1)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Horizontal bars of each row category's total. A hidden total is drawn as a hatched bar with its
 * printed text: "<5" reaches at most to the threshold, "x" is a stub — its size is not shown.
 */
function PanelChart({ panel, index, threshold }: { panel: ReportPanel; index: number; threshold: number }) {
  const { t } = useTranslation();
  const count = useCount();
  // chart[j] is the total of the j-th row that is not the totals row; its printed text is there.
  const bodyRows = panel.rows.filter((r) => !r.total);
  const max = Math.max(threshold, ...panel.chart.map(([, v]) => v ?? 0));
  return (
    <figure className="chart" data-testid={`report-chart-${index}`}>
      <figcaption className="chart__caption">{t('reports.view.chartCaption', { axis: panel.rowHeader })}</figcaption>
      <ul className="chart__bars">
        {panel.chart.map(([label, value], j) => {
          const cell = bodyRows[j]?.cells[bodyRows[j]!.cells.length - 1];
          const hidden = value === null;
          const mark = cell?.mark ?? 'secondary';
          const text = hidden ? (cell?.text ?? 'x') : count(value);
          const width = hidden ? (mark === 'primary' ? ((threshold - 1) / max) * 100 : 4) : (value / max) * 100;
          return (
            <li key={j} className={`chart__row${hidden ? ' chart__row--hidden' : ''}`}>
              <span className="chart__label" title={label}>
                {label}
              </span>
              <span className="chart__track" aria-hidden="true">
                <span className={`chart__bar${hidden ? ' chart__bar--hidden' : ''}`} style={{ width: `${Math.max(hidden ? 3 : value > 0 ? 1 : 0, width)}%` }} />
              </span>
              <span className="chart__value">{hidden ? <abbr title={hiddenHint(t, mark, threshold)}>{text}</abbr> : text}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

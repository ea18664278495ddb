import { ArrowRight, CalendarClock, DatabaseBackup, Hourglass, Inbox, Send, ShieldAlert, Timer, UserRoundX, type LucideIcon } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './dashboard.css';
import { api, toApiError, type ApiError, type Breach, type ClockTile, type Clocks, type SubjectRequest, type TileKey, type TransferNotice } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { awaitsNotice, clockText, isOpen, nearestLeft, tileHref, tileTone } from '../../lib/obligations';
import { displayDate, useCount } from '../../lib/register';

const ICONS: Record<TileKey, LucideIcon> = {
  requests: Inbox,
  breaches: ShieldAlert,
  transfer_notices: Send,
  without_basis: UserRoundX,
  expiring_consents: CalendarClock,
  retention_due: Hourglass,
  backup: DatabaseBackup,
};

interface Loaded {
  clocks: Clocks;
  requests: SubjectRequest[];
  breaches: Breach[];
  /** Asked for only when the tile counts any. */
  notices: TransferNotice[];
}

/**
 * Every deadline of the organisation at the top of the dashboard, in the core's order: overdue
 * first in red, close ones amber, quiet ones calm. Each tile opens its list. Above them, when
 * Derbes proposed a breach (now, or earlier and still unchecked), a banner says to check it.
 */
export function ClockTiles() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(loaded === null && error === null);

  const load = useCallback(() => {
    setError(null);
    // The clocks first: they make Derbes's own proposals, which the list of breaches then holds.
    api
      .clocks()
      .then((clocks) => {
        const owed = (clocks.tiles.find((x) => x.key === 'transfer_notices')?.count ?? 0) > 0;
        return Promise.all([api.requestsList(), api.breachesList(), owed ? api.transferNotices() : Promise.resolve([])]).then(([requests, breaches, notices]) => ({
          clocks,
          requests,
          breaches,
          notices,
        }));
      })
      .then(setLoaded)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  if (error) {
    return (
      <ErrorMessage error={error} testId="clocks-error">
        <button type="button" className="link-button" onClick={load}>
          {t('common.tryAgain')}
        </button>
      </ErrorMessage>
    );
  }
  if (!loaded) {
    return <section className="clock-tiles clock-tiles--loading" aria-busy="true">{showLoading && <Spinner label={t('dashboard.clocks.loading')} />}</section>;
  }

  const proposed = loaded.breaches.filter((b) => b.status === 'proposed').length;
  const requestClocks = loaded.requests.filter(isOpen).map((r) => r.clock);
  const breachClocks = loaded.breaches.filter(awaitsNotice).map((b) => b.clock);
  const noticeClocks = loaded.notices.map((n) => n.clock);
  const clocksOf = (key: string) => (key === 'requests' ? requestClocks : key === 'breaches' ? breachClocks : key === 'transfer_notices' ? noticeClocks : []);

  return (
    <>
      {(loaded.clocks.proposedNow > 0 || proposed > 0) && (
        <div className="banner banner--danger" role="alert" data-testid="breach-proposed-banner">
          <ShieldAlert size={22} aria-hidden="true" />
          <div>
            <p className="banner__title">{t('dashboard.clocks.proposedTitle')}</p>
            <p>{t('dashboard.clocks.proposedText', { count: Math.max(proposed, loaded.clocks.proposedNow) })}</p>
            <a className="link with-icon banner__link" href="#/breaches" data-testid="breach-proposed-open">
              {t('dashboard.clocks.proposedOpen')}
              <ArrowRight size={16} aria-hidden="true" />
            </a>
          </div>
        </div>
      )}
      <section className="clock-tiles" aria-labelledby="clock-tiles-title" data-testid="clock-tiles">
        <h2 id="clock-tiles-title" className="clock-tiles__title">
          {t('dashboard.clocks.title')}
        </h2>
        <ul className="clock-tiles__list">
          {loaded.clocks.tiles.map((tile) => (
            <li key={tile.key}>
              <ClockTileCard tile={tile} clocks={clocksOf(tile.key)} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** One tile: how many, the word for them, and what is pressing (overdue, the nearest due day). */
export function ClockTileCard({ tile, clocks }: { tile: ClockTile; clocks: SubjectRequest['clock'][] }) {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const left = nearestLeft(clocks, tile.nextDue);
  const tone = tileTone(tile, left);
  const Icon = (ICONS as Record<string, LucideIcon>)[tile.key] ?? Timer;
  const n = tile.count ?? 0;
  const backupNone = tile.key === 'backup' && tile.count === null;

  const lines: { text: string; strong?: boolean; testId: string }[] = [];
  if ((tile.key === 'requests' || tile.key === 'breaches' || tile.key === 'transfer_notices') && tile.overdue > 0) {
    lines.push({ text: t('dashboard.clocks.overdue', { count: tile.overdue }), strong: true, testId: 'clock-tile-overdue' });
  }
  if (tile.nextDue) {
    const nearest = clocks.find((c) => c.due === tile.nextDue && c.state !== 'overdue');
    lines.push({
      text: nearest ? clockText(t, nearest).text : t('dashboard.clocks.nextDate', { date: displayDate(tile.nextDue) }),
      testId: 'clock-tile-next',
    });
  }
  if (tile.missingYear !== null) lines.push({ text: t('clocks.unknown', { year: tile.missingYear }), testId: 'clock-tile-missing' });
  if (tile.key === 'without_basis' && n > 0) lines.push({ text: t('dashboard.clocks.withoutBasisNote'), testId: 'clock-tile-note' });
  if (tile.key === 'backup' && tile.overdue > 0) lines.push({ text: t('dashboard.clocks.backupDue'), strong: true, testId: 'clock-tile-note' });
  if (lines.length === 0 && n === 0 && !backupNone) lines.push({ text: t('dashboard.clocks.nothing'), testId: 'clock-tile-quiet' });

  const labelKey = `dashboard.clocks.labels.${tile.key}`;
  const label = backupNone
    ? t('dashboard.clocks.labels.backupNone')
    : i18n.exists(`${labelKey}_one`) || i18n.exists(`${labelKey}_other`)
      ? t(labelKey, { count: n })
      : t('dashboard.clocks.labels.other', { count: n });
  return (
    <a
      className={`clock-tile clock-tile--${tone}`}
      href={tileHref(tile.key)}
      data-testid={`clock-tile-${tile.key}`}
      data-tone={tone}
      data-count={tile.count ?? ''}
      data-overdue={tile.overdue}
    >
      <span className="clock-tile__head">
        <span className="clock-tile__icon" aria-hidden="true">
          <Icon size={20} />
        </span>
        <ArrowRight size={16} aria-hidden="true" className="clock-tile__go" />
      </span>
      <span className="clock-tile__figure">
        <span className="clock-tile__value">{backupNone ? '—' : count(n)}</span>
        <span className="clock-tile__label">{label}</span>
      </span>
      {lines.map((l) => (
        <span key={l.testId} className={`clock-tile__line${l.strong ? ' clock-tile__line--strong' : ''}`} data-testid={l.testId}>
          {l.text}
        </span>
      ))}
    </a>
  );
}

import { useTranslation } from 'react-i18next';
import type { Breach } from '../../api';

/** A breach's state as a badge: proposed amber, open neutral, closed green, dismissed grey. */
export function BreachStatusBadge({ breach }: { breach: Breach }) {
  const { t } = useTranslation();
  const cls = breach.status === 'proposed' ? ' state-badge--expiring' : breach.status === 'closed' ? ' state-badge--active' : '';
  return (
    <span className={`state-badge${cls}`} data-testid="breach-status" data-status={breach.status}>
      {t(`breaches.status.${breach.status}`)}
    </span>
  );
}

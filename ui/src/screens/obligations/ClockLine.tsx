import { CalendarX2, CircleAlert, CircleCheck, Clock3, Hourglass } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './obligations.css';
import type { Clock } from '../../api';
import { clockText, stoppedText } from '../../lib/obligations';

/**
 * Where a clock of the law stands, in one line: "Due 26.03.2026 · 1 working day left", "Overdue
 * by 2 working days", or — when the calendar lacks a year — which year to add, never a guessed
 * date. `stopped` says whether a finished clock (a request closed, a breach notified) was in time.
 */
export function ClockLine({ clock, stopped = false, testId }: { clock: Clock; stopped?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { tone, text } = stopped ? stoppedText(t, clock) : clockText(t, clock);
  const Icon = clock.state === 'unknown' ? CalendarX2 : stopped ? (tone === 'danger' ? CircleAlert : CircleCheck) : tone === 'danger' ? CircleAlert : tone === 'warning' ? Hourglass : Clock3;
  return (
    <span className={`clock clock--${tone}`} data-testid={testId} data-state={clock.state} data-tone={tone} data-due={clock.due ?? ''}>
      <Icon size={16} aria-hidden="true" />
      <span>{text}</span>
    </span>
  );
}

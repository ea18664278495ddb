import { useTranslation } from 'react-i18next';

/** The import wizards' steps, the current one marked; earlier ones ticked. */
export function ImportSteps({ labels, current }: { labels: string[]; current: number }) {
  const { t } = useTranslation();
  return (
    <ol className={`steps steps--${labels.length}`} aria-label={t('create.stepsLabel')}>
      {labels.map((label, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={i} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="steps__dot" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="steps__label">{label}</span>
          </li>
        );
      })}
    </ol>
  );
}

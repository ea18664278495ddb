import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './people.css';

/** The lock mark and word next to a sensitive field's label. */
export function SensitiveMark() {
  const { t } = useTranslation();
  return (
    <span className="sensitive-mark" title={t('person.sensitiveHint')}>
      <Lock size={13} aria-hidden="true" />
      {t('person.sensitive')}
    </span>
  );
}

/** The public badge; restricted (the default) is quiet: a muted word, no colour. */
export function AccessBadge({ access, quiet = true }: { access: string; quiet?: boolean }) {
  const { t } = useTranslation();
  if (access === 'public') {
    return (
      <span className="badge badge--public" title={t('access.publicHint')} data-testid="access-badge" data-access="public">
        {t('access.public')}
      </span>
    );
  }
  return (
    <span
      className={quiet ? 'access-quiet' : 'badge badge--restricted'}
      title={t('access.restrictedHint')}
      data-testid="access-badge"
      data-access={access}
    >
      <Lock size={13} aria-hidden="true" />
      {t('access.restricted')}
    </span>
  );
}

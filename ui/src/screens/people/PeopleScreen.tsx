import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { useRegisterMeta } from '../../lib/register';
import { useSubRoute } from '../../lib/route';
import { ImportWizard } from './ImportWizard';
import { PersonForm } from './PersonForm';
import { PersonPage } from './PersonPage';
import { RegisterList, type ListState } from './RegisterList';

/**
 * The People section: the register list and, under it in the hash, a person's page, the form
 * and the import wizard:  #/people, #/people/new, #/people/import, #/people/<id>, #/people/<id>/edit.
 */
export function PeopleScreen() {
  const { t } = useTranslation();
  const route = useSubRoute();
  const { meta, error, reload } = useRegisterMeta();
  const showLoading = useDelayedFlag(meta === null && error === null);
  // The list's search, filters and scroll position survive a visit to a person's page. They live
  // only as long as this screen: leaving People or locking the vault forgets them.
  const listState = useRef<ListState>({ search: '', filters: {}, scrollTop: 0 });

  if (error) {
    return (
      <div className="page">
        <h1 className="page__title">{t('people.title')}</h1>
        <div className="state">
          <ErrorMessage error={error} />
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('common.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
  if (!meta) {
    return <div className="page">{showLoading && <LoadingBlock label={t('people.loading')} />}</div>;
  }

  const [first, second] = route;
  if (first === 'new') return <PersonForm key="new" meta={meta} />;
  if (first === 'import') return <ImportWizard meta={meta} onImported={reload} />;
  if (first && second === 'edit') return <PersonForm key={`edit-${first}`} meta={meta} id={first} />;
  if (first) return <PersonPage key={first} meta={meta} id={first} />;
  return <RegisterList meta={meta} state={listState.current} />;
}

import { createElement, useRef, useState } from 'react';
import { api, toApiError, type ApiError, type Evidence } from '../../api';
import { EvidenceConfirmDialog } from './EvidenceConfirmDialog';

/**
 * Attach the signed scan of a consent: the system's open dialog, then a question — is this the
 * signed consent form? — with the warning that copies of identity documents must not be kept
 * (Art. 7(10)); only on "yes" is it stored (consent_attach). The backend checks the file by its
 * content (PDF, JPEG or PNG, at most 10 MB). Resolves to the evidence, or null when the user
 * cancelled or it failed (then `error` says why). The caller renders `confirm` (the question,
 * while it is asked).
 */
export function useAttachEvidence() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);

  const ask = (path: string) =>
    new Promise<boolean>((resolve) => {
      answer.current = (yes) => {
        answer.current = null;
        setAsking(null);
        resolve(yes);
      };
      setAsking(path);
    });

  const attach = async (number: number): Promise<Evidence | null> => {
    setError(null);
    setBusy(true);
    try {
      const path = await api.chooseEvidenceFile();
      if (!path) return null;
      if (!(await ask(path))) return null;
      return await api.consentAttach(number, path);
    } catch (e) {
      setError(toApiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const confirm =
    asking === null
      ? null
      : createElement(EvidenceConfirmDialog, {
          path: asking,
          onAnswer: (yes: boolean) => answer.current?.(yes),
        });

  return { attach, busy, error, clearError: () => setError(null), confirm };
}

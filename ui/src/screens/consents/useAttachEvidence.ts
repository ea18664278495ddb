import { useState } from 'react';
import { api, toApiError, type ApiError, type Evidence } from '../../api';

/**
 * Attach the signed scan of a consent: the system's open dialog, then consent_attach. The backend
 * checks the file by its content (PDF, JPEG or PNG, at most 10 MB). Resolves to the evidence, or
 * null when the user cancelled or it failed (then `error` says why).
 */
export function useAttachEvidence() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const attach = async (number: number): Promise<Evidence | null> => {
    setError(null);
    setBusy(true);
    try {
      const path = await api.chooseEvidenceFile();
      if (!path) return null;
      return await api.consentAttach(number, path);
    } catch (e) {
      setError(toApiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { attach, busy, error, clearError: () => setError(null) };
}

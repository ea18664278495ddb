import { ShieldCheck } from 'lucide-react';

/**
 * The one line a screen shows where the user's role cannot change something: who can. The core
 * refuses anyway; this only says why the controls are read-only or missing.
 */
export function OnlyResponsible({ text, testId = 'only-responsible' }: { text: string; testId?: string }) {
  return (
    <p className="notice notice--info small only-responsible" data-testid={testId}>
      <ShieldCheck size={16} aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}

export function Spinner({ label, size = 18 }: { label?: string; size?: number }) {
  return (
    <span className="spinner-wrap" role={label ? 'status' : undefined}>
      <span className="spinner" style={{ width: size, height: size }} aria-hidden="true" />
      {label && <span>{label}</span>}
    </span>
  );
}

/** A centred "working…" block for a screen or a card, shown only after 200 ms. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <div className="loading-block">
      <Spinner label={label} size={22} />
    </div>
  );
}

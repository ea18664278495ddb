/** What a save dialog is about to write, as label and value rows, and a sentence under them. */
export function SaveFacts({ facts, note }: { facts: [string, string][]; note?: string }) {
  return (
    <div className="save-facts">
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd className="strong">{value}</dd>
          </div>
        ))}
      </dl>
      {note && <p className="muted">{note}</p>}
    </div>
  );
}

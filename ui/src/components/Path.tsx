import { Fragment } from 'react';

/** A folder path that wraps after its slashes rather than in the middle of a name. */
export function Path({ path, className = 'path', title }: { path: string; className?: string; title?: string }) {
  // Each part keeps its trailing separator: "/home/", "ana/", "vault".
  const parts = path.match(/[^\\/]*[\\/]|[^\\/]+$/g) ?? [path];
  return (
    <span className={className} title={title}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
}

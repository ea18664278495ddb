/** The Derbes mark: a shield with a keyhole. Decorative; the name is always written next to it. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className="logo-mark"
    >
      <path fill="currentColor" d="M16 2 4 6.5v8.3c0 7.3 5.1 13.4 12 15.2 6.9-1.8 12-7.9 12-15.2V6.5z" />
      <circle cx="16" cy="14" r="3.2" fill="#fff" />
      <path fill="#fff" d="M14.6 16h2.8l.9 6h-4.6z" />
    </svg>
  );
}

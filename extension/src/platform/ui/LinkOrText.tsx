import type { ReactNode } from 'react';
import { safeHref } from './links.ts';

/**
 * A captured or typed address shown as a link in a new tab when the extension's one link rule
 * (safeHref) allows it, and as plain text otherwise: a page's words never become a link that
 * misleads (credentials, invisible characters) or runs something (javascript:, data:).
 */
export function LinkOrText({
  url,
  children,
  className,
}: {
  url: string | null | undefined;
  children?: ReactNode;
  className?: string;
}) {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
    </a>
  ) : (
    <span className={className}>{children}</span>
  );
}

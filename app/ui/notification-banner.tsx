import { useId, type ReactNode } from 'react';

/** The NHS.UK notification banner: a titled region for news the crew should see, not errors. */
export function NotificationBanner({ title, success = false, className, children }: { title: string; success?: boolean; className?: string; children: ReactNode }) {
  const titleId = useId();
  const classes = ['nhsuk-notification-banner', success && 'nhsuk-notification-banner--success', className].filter(Boolean).join(' ');
  return (
    <div className={classes} role="region" aria-labelledby={titleId}>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}

import { useId, type ReactNode, type Ref } from 'react';

/**
 * A failure or caution the crew must not miss, in the NHS.UK card patterns: "urgent" (red
 * care card) when a clinical question is left unanswered, "warning" (yellow) otherwise.
 */
export function ProblemCard({
  title,
  level,
  children,
  headingLevel = 2,
  headingRef,
}: {
  title: string;
  level: 'urgent' | 'warning';
  children: ReactNode;
  headingLevel?: 2 | 3;
  /** Given when the screen may move focus to the heading (it then takes tabIndex -1). */
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}) {
  const focusable = headingRef ? { ref: headingRef, tabIndex: -1 } : {};
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (level === 'warning') {
    return (
      <section className="nhsuk-card nhsuk-card--warning" aria-labelledby={headingId}>
        <div className="nhsuk-card__content">
          <Heading className="nhsuk-card__heading" id={headingId} {...focusable}>
            {title}
          </Heading>
          {children}
        </div>
      </section>
    );
  }
  return (
    <section className="nhsuk-card nhsuk-card--care nhsuk-card--care--urgent" aria-labelledby={headingId}>
      <div className="nhsuk-card__heading-container">
        <Heading className="nhsuk-card__heading" id={headingId} {...focusable}>
          {title}
        </Heading>
        <span className="nhsuk-card--care__arrow" aria-hidden="true"></span>
      </div>
      <div className="nhsuk-card__content">{children}</div>
    </section>
  );
}

import type { Ref } from 'react';

/**
 * The NHS.UK error summary: a heading and a link to each field with a problem. The form moves
 * focus here (through `ref`) when a submission is refused, so a screen reader hears it at once.
 */
export function ErrorSummary({
  id,
  title,
  problems,
  ref,
}: {
  id: string;
  title: string;
  problems: readonly { readonly fieldId: string; readonly message: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div className="nhsuk-error-summary" aria-labelledby={id} ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id={id}>
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {problems.map((problem) => (
              <li key={problem.fieldId}>
                <a href={`#${problem.fieldId}`}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

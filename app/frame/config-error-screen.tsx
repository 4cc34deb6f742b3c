import { frameWords } from './frame-words';

/** A clear screen, never a blank page, when /config.json is missing a key or wrong. */
export function ConfigErrorScreen({ message }: { message: string }) {
  return (
    <div className="nhsuk-error-summary" aria-labelledby="config-error-title">
      <div role="alert">
        <h1 className="nhsuk-error-summary__heading" id="config-error-title">
          {frameWords.configErrorTitle}
        </h1>
        <div className="nhsuk-error-summary__body">
          <p>{frameWords.configErrorAdvice}</p>
          <p>
            <strong>{frameWords.configErrorDetailLabel}: </strong>
            <span>{message}</span>
          </p>
        </div>
      </div>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => location.reload()}>
        {frameWords.reload}
      </button>
    </div>
  );
}

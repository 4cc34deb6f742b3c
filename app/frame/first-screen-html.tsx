/**
 * The first screen as HTML, for the build (.ci/first-screen-html.ts loads this module in Node):
 * the same component main.tsx hydrates, so the markup the server sends cannot drift from it.
 * Never imported by the app itself (react-dom/server stays out of the bundle).
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { FirstScreen } from './first-screen';

export function firstScreenHtml(): string {
  return renderToString(
    <StrictMode>
      <FirstScreen />
    </StrictMode>,
  );
}

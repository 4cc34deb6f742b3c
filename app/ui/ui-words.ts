/** Words on the shared NHS.UK components every screen uses, in one place for clinical review. */
export const uiWords = {
  serviceName: 'Crew Record Locator',
  // The browser tab and the app switcher: demo mode says DEMO there too (DESIGN.md rule 5).
  documentTitle: (mode: 'live' | 'demo', screen?: string) =>
    [mode === 'demo' ? 'DEMO' : undefined, screen, 'Crew Record Locator'].filter((part) => part !== undefined).join(' – '),
  reload: 'Reload',
  // A screen that fails (ui/screen-boundary.tsx) never takes the crew's lookup with it.
  screenFailedTitle: 'This screen could not be opened',
  screenFailedAdvice: 'Reload the app. If this keeps happening, tell your service desk. Finding a crisis plan still works.',
} as const;

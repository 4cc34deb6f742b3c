/** Words on the app frame, in one place for clinical review. */
export const shellWords = {
  serviceName: 'Crew Record Locator',
  skipLink: 'Skip to main content',
  demoBanner: 'DEMO',
  demoBannerDetail: 'Synthetic patients for training. No real patient data is shown.',
  starting: 'Starting Crew Record Locator…',
  configErrorTitle: 'This device is not set up correctly',
  configErrorAdvice:
    'Crew Record Locator cannot start with the settings on this device. Tell your service desk or clinical systems team, and use your usual process to contact the crisis team meanwhile.',
  configErrorDetailLabel: 'What is wrong',
  unexpectedErrorTitle: 'Something went wrong',
  unexpectedErrorAdvice: 'Reload the app. If this keeps happening, tell your service desk.',
  reload: 'Reload',
  darkModeOn: 'Dark mode: on',
  darkModeOff: 'Dark mode: off',
} as const;

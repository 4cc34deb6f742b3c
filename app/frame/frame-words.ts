import { uiWords } from '../ui/ui-words';

/** Words on the app frame, in one place for clinical review (shared words: ui/ui-words.ts). */
export const frameWords = {
  serviceName: uiWords.serviceName,
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
  reload: uiWords.reload,
  offlineTitle: 'Offline',
  offlineBody: 'The national services cannot be reached. Plans saved on this device still open; new searches wait for signal.',
  offlineLastReached: (time: string) => `Last reached at ${time}.`,
  // Update prompt (app/frame/update-prompt.tsx): the crew chooses when; never automatic.
  updateTitle: 'Update',
  updateHeading: 'A new version is ready',
  updateBody: 'Reload when you are ready, for example after this patient. The app will not reload by itself.',
  updateReload: 'Reload',
  // Settings from the device's last good copy while the server's file could not be used.
  clearedElsewhere: 'This device was cleared in another tab or window. Nothing about patients is kept on it now: search again to look someone up.',
  savedSettingsNotice: (savedAt: string) => `Using the settings saved on this device at ${savedAt}.`,
  savedSettingsDetail: 'The settings file on the server could not be used. Tell your service desk.',
  darkModeOn: 'Dark mode: on',
  darkModeOff: 'Dark mode: off',
  // Header navigation (app/frame/app-navigation.tsx): the crew's lookup stays first.
  navigationLabel: 'Screens',
  navigation: { lookup: 'Find a crisis plan', history: 'Access history' },
  openingScreen: 'Opening…',
  notAllowedTitle: 'Your role cannot open this page',
  notAllowed: (page: string) => `${page} is not open to the role you signed in with. Only clinical leads can open the access history. If you have a clinical lead role, choose Change role.`,
} as const;

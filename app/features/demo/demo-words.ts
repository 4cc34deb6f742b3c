/** Words of demo mode's own screens (the demo patients and the trainer tools), in one place for review. */
export const demoWords = {
  patients: {
    heading: 'Demo patients for training',
    intro: 'Synthetic people with NHS numbers from the 999 test range. Pick one to search.',
    // Worked out from the date of birth the demo's patient details service holds, so it stays true.
    age: (years: number) => `Age ${years}.`,
    searchHeading: 'Try a search by details',
    searchIntro: 'Each fills in the search by name and date of birth; press Search to see what a crew sees.',
  },
  trainerTools: {
    heading: 'Trainer tools',
    intro: 'For training sessions. These change only the demo on this device: real patients’ data is kept apart and is never touched.',
    noSignal: 'Simulate no signal',
    noSignalHint:
      'The demo behaves as a tablet with no signal: the Offline banner shows, saved plans open from this device and new searches wait. Untick it to bring the signal back; waiting searches then run by themselves.',
    reset: 'Reset demo',
    resetConfirmTitle: 'Reset the demo?',
    resetConfirmBody:
      'This deletes everything the demo has kept on this device: saved plans, searches waiting for signal and the records of who looked at which demo patient. Simulate no signal is switched off. It cannot be undone.',
    resetConfirm: 'Yes, reset the demo',
    resetCancel: 'Cancel',
    resetDone: 'The demo has been reset.',
    resetFailed: 'The demo could not be reset. Reload the app and try again.',
  },
} as const;

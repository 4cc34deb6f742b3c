/** Words of the "Saved on this device" section, in one place for clinical review. */
export const savedWords = {
  heading: 'Saved on this device',
  intro: (hours: number) => `Plans looked up on this device open here without signal. They are deleted after ${hours} hours.`,
  none: 'Nothing is saved on this device.',
  retrieved: (time: string, age: string) => `Retrieved ${time}, ${age}`,
  crisisPlan: 'Crisis plan',
  noCrisisPlan: 'No crisis plan',
  waitingHeading: 'Searches waiting for signal',
  waitingItem: (time: string) => `waiting since ${time}`,
  clear: 'Clear this device',
  clearConfirmTitle: 'Delete everything saved on this device?',
  clearConfirmBody: 'This deletes every saved plan and every search waiting for signal. It cannot be undone.',
  clearConfirm: 'Yes, clear this device',
  clearCancel: 'Cancel',
  cleared: 'Everything saved on this device has been deleted.',
  clearFailed: 'This device could not be cleared. Try again; if it keeps failing, tell your service desk.',
  readFailed: "This device's saved plans could not be read.",
} as const;

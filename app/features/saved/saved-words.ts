/** Words of the "Saved on this device" section, in one place for clinical review. */
export const savedWords = {
  mayBeOutOfDate: 'May be out of date',
  heading: 'Saved on this device',
  intro: (hours: number) => `Plans looked up on this device open here without signal. They are deleted after ${hours} hours.`,
  none: 'Nothing is saved on this device.',
  retrieved: (time: string, age: string) => `Retrieved ${time}, ${age}`,
  showAll: (count: number) => `Show all ${count} saved plans`,
  crisisPlan: 'Crisis plan',
  noCrisisPlan: 'No crisis plan',
  waitingHeading: 'Searches waiting for signal',
  waitingItem: (time: string) => `waiting since ${time}`,
  clear: 'Clear this device',
  clearConfirmTitle: 'Delete everything saved on this device?',
  clearConfirmBody:
    'This deletes every saved plan and every search waiting for signal. It cannot be undone. Records of who looked at which patient are kept until your trust’s audit service has them.',
  clearConfirm: 'Yes, clear this device',
  clearCancel: 'Cancel',
  cleared: 'Saved plans and searches waiting for signal have been deleted from this device.',
  clearFailed: 'This device could not be cleared. Try again; if it keeps failing, tell your service desk.',
  readFailed: "This device's saved plans could not be read.",
  // Access events (DESIGN.md rule 6): said plainly, so nobody wipes a device thinking they are lost.
  accessWaiting: (count: number) =>
    count === 1
      ? '1 record of who looked at a patient’s record is waiting to be sent to your trust’s audit service. It stays on this device until the service has it.'
      : `${count} records of who looked at patients’ records are waiting to be sent to your trust’s audit service. They stay on this device until the service has them.`,
  accessRefused: (count: number) =>
    count === 1
      ? 'The audit service refused 1 of them; it is kept and will be sent again. Tell your service desk.'
      : `The audit service refused ${count} of them; they are kept and will be sent again. Tell your service desk.`,
} as const;

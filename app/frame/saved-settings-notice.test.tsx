// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { ConfigProvenance } from '../config/config-provenance';
import { SavedSettingsNotice } from './saved-settings-notice';

const fixed = (value: ConfigProvenance | undefined) => ({ subscribe: () => () => undefined, getSnapshot: () => value });

describe('SavedSettingsNotice', () => {
  it('stays quiet for settings from the server, and for an offline start from the saved copy', () => {
    const { rerender } = render(<SavedSettingsNotice provenance={fixed({ source: 'server' })} />);
    expect(screen.queryByRole('status')).toBeNull();
    rerender(<SavedSettingsNotice provenance={fixed({ source: 'device', savedAt: new Date().toISOString() })} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says the saved settings are in use when the server sent a file that could not be used', () => {
    render(<SavedSettingsNotice provenance={fixed({ source: 'device', savedAt: new Date().toISOString(), serverProblem: 'The settings file is not valid JSON.' })} />);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent(/Using the settings saved on this device at \d\d:\d\d\./);
    expect(notice).toHaveTextContent('Tell your service desk. (The settings file is not valid JSON.)');
  });
});

// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PinsWipedPage } from './pins-wiped-page';

describe('PinsWipedPage', () => {
  it('says the saved plans went after 5 wrong PINs, that access records are kept, and offers sign-in', async () => {
    const onSignIn = vi.fn();
    render(<PinsWipedPage online onSignIn={onSignIn} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Saved plans removed' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Saved plans were removed after 5 wrong PINs. Sign in again with signal to go on.');
    expect(screen.getByText(/Records of who looked at what are kept/)).toBeInTheDocument();
    expect(screen.queryByText(/There is no signal now/)).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in with NHS Care Identity' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('says when there is no signal to sign in with', () => {
    render(<PinsWipedPage online={false} onSignIn={() => {}} />);
    expect(screen.getByText('There is no signal now. Sign in when you have signal.')).toBeInTheDocument();
  });
});

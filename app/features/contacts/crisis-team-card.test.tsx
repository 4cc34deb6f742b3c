// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ContactDetails } from '../../domain/contact-details';
import { FORMAT_RECORD_CONTACT, FORMAT_UNSTRUCTURED, type Pointer } from '../../domain/pointer';
import { MENTAL_HEALTH_CRISIS_PLAN, recordTypeFor, SNOMED_SYSTEM } from '../../domain/record-types';
import type { NationalServices } from '../../services/national-services';
import { newLookup } from '../../queries/lookup-queries';
import { RuntimeProvider } from '../../runtime/runtime-context';
import { NO_NATIONAL_SERVICES, testRuntime } from '../../test-support/runtime';
import { CrisisTeamCard } from './crisis-team-card';
import type { NhsNumber } from '../../domain/nhs-number';

afterEach(cleanup);

function pointerWithContactPage(url: string): Pointer {
  const content = (contentType: string, href: string, formatCode: string) => ({
    contentType,
    url: href,
    title: undefined,
    creation: undefined,
    formatCode,
    stability: undefined,
    retrievalMechanism: undefined,
  });
  return {
    id: 'RX4-crisis',
    subjectNhsNumber: '9990000018' as NhsNumber,
    recordType: recordTypeFor({ system: SNOMED_SYSTEM, code: MENTAL_HEALTH_CRISIS_PLAN, display: undefined }),
    date: undefined,
    authorOds: 'RX4',
    custodianOds: 'RX4',
    practiceSetting: { code: '1', display: 'Crisis resolution team' },
    providerAsid: undefined,
    contents: [content('application/pdf', 'https://rx4.example/plan.pdf', FORMAT_UNSTRUCTURED), content('text/html', url, FORMAT_RECORD_CONTACT)],
  };
}

function showCard(url: string, page: Promise<ContactDetails>, switchboard = '0113 496 0500', allowCall?: () => void) {
  const services: NationalServices = {
    ...NO_NATIONAL_SERVICES,
    contactPages: { getContactDetails: () => page },
    ods: { getOrganisation: async (odsCode) => ({ odsCode, name: 'Synthetic NHS Trust', switchboard }) },
  };
  const pointer = pointerWithContactPage(url);
  render(
    <RuntimeProvider runtime={testRuntime(services, allowCall ? { allowCall } : {})}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <CrisisTeamCard lookup={newLookup('9990000018' as NhsNumber)} pointer={pointer} allPointers={[pointer]} />
      </QueryClientProvider>
    </RuntimeProvider>,
  );
  return screen.getByRole('region', { name: 'Crisis team' });
}

const noNumbers = (sourceUrl: string): Promise<ContactDetails> => Promise.resolve({ sourceUrl, teamName: undefined, numbers: [], moreNumbers: 0, hours: undefined });

describe('CrisisTeamCard: the contact page link', () => {
  it('offers an https: contact page to open', async () => {
    const card = showCard('https://www.rx4.nhs.uk/contact', noNumbers('https://www.rx4.nhs.uk/contact'));
    expect(await within(card).findByRole('link', { name: /Open the contact page/ })).toHaveAttribute('href', 'https://www.rx4.nhs.uk/contact');
  });

  it.each(['javascript:alert(document.domain)', 'http://www.rx4.nhs.uk/contact', 'data:text/html,<script>alert(1)</script>', '/contact'])(
    'never offers %s as a link, even when the page could not be read',
    async (url) => {
      const card = showCard(url, Promise.reject(new Error('unsupported')));
      expect(await within(card).findByText(/contact page could not be loaded/)).toBeInTheDocument();
      expect(within(card).queryByRole('link', { name: /Open the contact page/ })).not.toBeInTheDocument();
      expect(card.querySelector(`a[href="${CSS.escape(url)}"], a[href^="javascript:"], a[href^="http:"], a[href^="data:"]`)).toBeNull();
    },
  );
});

describe('CrisisTeamCard: numbers', () => {
  it('says how many more numbers the page lists, and offers the page', async () => {
    const url = 'https://www.rx4.nhs.uk/contact';
    const card = showCard(
      url,
      Promise.resolve({ sourceUrl: url, teamName: undefined, numbers: [{ label: 'Crisis line', display: '0113 496 0000', tel: 'tel:01134960000' }], moreNumbers: 4_999, hours: undefined }),
    );
    expect(await within(card).findByRole('link', { name: /^Call Crisis line\s*0113 496 0000$/ })).toHaveAttribute('href', 'tel:01134960000');
    expect(within(card).getByText('The page lists 4,999 more numbers. These are the ones most likely to reach the team.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /Open the contact page/ })).toHaveAttribute('href', url);
  });

  it('never shows a number with bidi controls that would reverse it, from a saved copy or ODS', async () => {
    const url = 'https://www.rx4.nhs.uk/contact';
    const card = showCard(
      url,
      Promise.resolve({ sourceUrl: url, teamName: undefined, numbers: [{ label: 'Crisis\u202E line', display: '\u202E0113 496 0000\u202C', tel: 'tel:01134960000' }], hours: undefined }),
      '\u202E0113 496 0500',
    );
    const call = await within(card).findByRole('link', { name: /^Call Crisis line\s*0113 496 0000$/ });
    expect(call.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
    expect(within(call).getByText('0113 496 0000')).toHaveAttribute('dir', 'ltr');
    const switchboard = await within(card).findByRole('link', { name: /^Call Synthetic NHS Trust\s*0113 496 0500$/ });
    expect(switchboard).toHaveAttribute('href', 'tel:01134960500');
  });
});

describe('CrisisTeamCard: handing the crew to the dialler (issue 11)', () => {
  it('tells the idle lock a call is starting when a team number or the switchboard is tapped', async () => {
    const url = 'https://www.rx4.nhs.uk/contact';
    const allowCall = vi.fn();
    const card = showCard(
      url,
      Promise.resolve({ sourceUrl: url, teamName: undefined, numbers: [{ label: 'Crisis line', display: '0113 496 0000', tel: 'tel:01134960000' }], hours: undefined }),
      '0113 496 0500',
      allowCall,
    );
    // jsdom cannot open a dialler: stop the navigation once the app has heard the tap.
    const stopNavigation = (event: Event) => event.preventDefault();
    document.addEventListener('click', stopNavigation);
    try {
      fireEvent.click(await within(card).findByRole('link', { name: /^Call Crisis line/ }));
      expect(allowCall).toHaveBeenCalledTimes(1);
      fireEvent.click(await within(card).findByRole('link', { name: /^Call Synthetic NHS Trust/ }));
      expect(allowCall).toHaveBeenCalledTimes(2);
      // Opening the contact page is not a call.
      fireEvent.click(within(card).queryByRole('link', { name: /Open the contact page/ }) ?? document.body);
      expect(allowCall).toHaveBeenCalledTimes(2);
    } finally {
      document.removeEventListener('click', stopNavigation);
    }
  });

  it('still offers the numbers where no lock runs (demo mode sets no allowCall)', async () => {
    const url = 'https://www.rx4.nhs.uk/contact';
    const card = showCard(url, Promise.resolve({ sourceUrl: url, teamName: undefined, numbers: [{ label: 'Crisis line', display: '0113 496 0000', tel: 'tel:01134960000' }], hours: undefined }));
    expect(await within(card).findByRole('link', { name: /^Call Crisis line/ })).toHaveAttribute('href', 'tel:01134960000');
  });
});

describe('CrisisTeamCard: calls that can be made', () => {
  const url = 'https://rx4.example/contact';
  const page = (numbers: ContactDetails['numbers']): Promise<ContactDetails> => Promise.resolve({ sourceUrl: url, teamName: undefined, numbers, moreNumbers: 0, hours: undefined });

  it('offers only the callable number as a call, in one format, and shows text-only and fax numbers as text with their use', async () => {
    const card = showCard(url, page([
      { label: 'Crisis line', display: '+44 (0)1632 960001', tel: 'tel:+441632960001' },
      { label: 'Text only', display: '07700900123', tel: 'tel:07700900123' },
      { label: 'Fax', display: '01632 960002', tel: 'tel:01632960002' },
    ]));
    const call = await within(card).findByRole('link', { name: /Call Crisis line/ });
    expect(call.getAttribute('href')).toBe('tel:01632960001');
    expect(call.textContent).toContain('01632 960 001');
    expect(within(card).queryByRole('link', { name: /Text only|Fax/ })).toBeNull();
    expect(card.textContent).toContain('07700 900 123 (Text only, not for calls)');
    expect(card.textContent).toContain('01632 960 002 (Fax, not for calls)');
    expect(card.textContent).not.toContain('No number to call');
  });

  it('says where to look when no number can be called', async () => {
    const card = showCard(url, page([{ label: 'Fax', display: '01632 960002', tel: 'tel:01632960002' }]));
    expect(await within(card).findByText(/No number to call was found for this team\. Look in the plan itself/)).toBeTruthy();
  });
});

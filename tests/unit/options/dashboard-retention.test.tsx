// The dashboard's retention field refuses a bad number of days with a sentence whose numbers are written as the
// interface language writes them (Bengali digits in Bengali), never digits typed into the message.
import { afterEach, describe, expect, it } from 'vitest';
import { DataControls } from '../../../components/dashboard/DataControls';
import { applyLanguageSetting } from '../../../utils/i18n';
import { mount, submit, text, type, waitFor } from './harness';

describe('dashboard retention', () => {
  afterEach(async () => {
    await applyLanguageSetting('auto');
  });

  it('names the allowed range in the interface language’s digits', async () => {
    await applyLanguageSetting('bn');
    const root = await mount(<DataControls entries={[]} retentionDays={90} onChanged={() => {}} />);
    await type(root.querySelector('.rr-dash-days'), '0');
    await submit(root.querySelector('form.rr-dash-row'));
    await waitFor(() => text(root).includes('৩,৬৫০') || text(root).includes('৩৬৫০'), 'the refusal');
    expect(text(root)).toContain('১ থেকে ৩,৬৫০-এর মধ্যে');
  });

  it('in English too', async () => {
    const root = await mount(<DataControls entries={[]} retentionDays={90} onChanged={() => {}} />);
    await type(root.querySelector('.rr-dash-days'), '5000');
    await submit(root.querySelector('form.rr-dash-row'));
    await waitFor(() => text(root).includes('whole number of days'), 'the refusal');
    expect(text(root)).toContain('Enter a whole number of days from 1 to 3,650.');
  });
});

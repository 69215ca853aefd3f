import { afterEach, describe, expect, it } from 'vitest';
import { errorText } from '../../../components/options/format';
import { applyLanguageSetting } from '../../../utils/i18n';
import { RadarError } from '../../../utils/storage/errors';

describe('storage errors as the options page shows them', () => {
  afterEach(async () => {
    await applyLanguageSetting('auto');
  });

  it('in the interface language when storage names the sentence', async () => {
    const err = new RadarError('conflict', '"Thanks" is in the trash.', 'id', {
      key: 'error_template_in_trash',
      params: { title: 'Thanks' },
    });
    expect(errorText(err)).toBe('“Thanks” is in the trash; restore it first.');
    await applyLanguageSetting('hu');
    expect(errorText(err)).toBe('„Thanks” a kukában van; előbb állítsd vissza.');
    await applyLanguageSetting('km');
    expect(errorText(err)).toBe('“Thanks” នៅក្នុងធុងសំរាម សូមស្ដារវាមកវិញជាមុនសិន។');
  });

  it('a failure of the browser’s own in our sentence, its detail kept', async () => {
    expect(errorText(new Error('Transaction aborted'))).toBe('Something went wrong (Transaction aborted).');
    await applyLanguageSetting('hu');
    expect(errorText(new Error('Transaction aborted'))).toBe('Valami hiba történt (Transaction aborted).');
  });

  it('a full disk in the interface language', async () => {
    const full = new DOMException('quota', 'QuotaExceededError');
    expect(errorText(full)).toMatch(/^The browser’s storage for Reply Radar is full/);
    await applyLanguageSetting('bn');
    expect(errorText(full)).toMatch(/^ব্রাউজারে Reply Radar-এর জায়গা ভরে গেছে/);
  });
});

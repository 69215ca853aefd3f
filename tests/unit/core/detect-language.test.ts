import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../../utils/core/detect-language';

// Short comments as customers write them on brand posts: typos, emoji, handles, no accents, mixed scripts.
const HUNGARIAN = [
  'Mikor lesz kapható Budapesten?',
  'Szuper, köszönöm! És mennyibe fog kerülni?',
  'hol van a rendelesem??? mar 2 hete vartam',
  'Nem jött meg a csomagom, senki nem válaszol 😡',
  'Köszi a gyors választ!',
  'Lesz laktózmentes változat is?',
  '@acme.coffee kérem segítsenek, rossz méretet kaptam',
  'ez nagyon finom volt 😍',
  'Mennyi a szállítási díj?',
  'Szia! Van még ebből?',
];
const ENGLISH = [
  'Will there be a decaf version?',
  'my order #4821 never arrived',
  'Love it!!! 😍😍',
  'Where is my refund? Still waiting after 2 weeks',
  'Honestly the old autumn blend was better',
  'when will this be back in stock',
  'thanks for the quick reply @acme',
  'Do you ship to Canada?',
  'worst customer service ever',
  'Can I change the size of my order?',
];
const BENGALI = [
  'আমার অর্ডার এখনো আসেনি',
  'দাম কত?',
  'ধন্যবাদ ভাই 😊',
  'কবে পাওয়া যাবে ঢাকায়?',
  '@acme আমার রিফান্ড কোথায়? order #4821',
];
const KHMER = ['តម្លៃប៉ុន្មាន?', 'ការកម្ម៉ង់របស់ខ្ញុំមិនទាន់មកដល់ទេ', 'អរគុណច្រើន 🙏', 'មានលក់នៅភ្នំពេញទេ?', '@acme ខ្ញុំចង់ប្ដូរទំហំ size M'];

describe('detectLanguage on short social comments', () => {
  test.each(HUNGARIAN)('Hungarian: %s', (text) => expect(detectLanguage(text)).toBe('hu'));
  test.each(ENGLISH)('English: %s', (text) => expect(detectLanguage(text)).toBe('en'));
  test.each(BENGALI)('Bengali: %s', (text) => expect(detectLanguage(text)).toBe('bn'));
  test.each(KHMER)('Khmer: %s', (text) => expect(detectLanguage(text)).toBe('km'));

  test('no guess for other languages, emoji, handles or links alone', () => {
    for (const text of [
      '¿Tienen opción sin lactosa?',
      'Das ist super lecker',
      '😍😍😍',
      '@acme.coffee',
      'https://example.com/x',
      '',
      '4821',
    ]) {
      expect(detectLanguage(text)).toBeNull();
    }
  });
});

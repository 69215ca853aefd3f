import { describe, expect, it } from 'vitest';
import { looksLikeSpam } from '../../../utils/core/spam';

describe('looksLikeSpam', () => {
  it.each([
    ['a bare link', 'https://bit.ly/3xYz'],
    ['a bare link with a mention', '@acme www.cheap-followers.top/now'],
    ['emoji run with a link', '🔥🔥🔥💰💰 https://promo.example.com/win'],
    ['crypto bait with a DM hook', 'I made $4,000 a week with bitcoin trading, DM me to learn how'],
    ['investment bait with a messenger link', 'Passive income from forex! t.me/richfast'],
    ['Hungarian bait', 'Kriptó befektetés napi 10% haszonnal, írj nekem privátban'],
  ])('labels %s', (_what, text) => {
    expect(looksLikeSpam(text)).toBe(true);
  });

  it.each([
    ['a customer asking for a DM about an order', '@acme my order #4821 never arrived, can someone DM me?'],
    ['a question with a link to the product', 'Is this the one from https://acme.example/autumn? Looks great'],
    ['plain emoji love', '😍😍😍'],
    ['a complaint', 'This is the worst coffee I ever had'],
    ['talk about investment without a hook', 'Do you plan to invest in more stores in Budapest?'],
    ['empty', ''],
  ])('leaves %s alone', (_what, text) => {
    expect(looksLikeSpam(text)).toBe(false);
  });
});

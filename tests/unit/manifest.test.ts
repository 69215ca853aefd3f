// The Firefox manifest must not ask for a key its minimum version does not know: data_collection_permissions came
// with Firefox 140, so an add-on declaring it with an older strict_min_version is rejected by addons.mozilla.org.
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type Gecko = { strict_min_version?: string; data_collection_permissions?: unknown };

function firefoxGecko(): Gecko {
  const manifest = config.manifest as (env: { browser: string; manifestVersion: number }) => {
    browser_specific_settings?: { gecko?: Gecko };
  };
  const gecko = manifest({ browser: 'firefox', manifestVersion: 3 }).browser_specific_settings?.gecko;
  if (!gecko) throw new Error('no gecko settings in the Firefox manifest');
  return gecko;
}

describe('Firefox manifest', () => {
  it('declares no data collection and a minimum version that understands the declaration', () => {
    const gecko = firefoxGecko();
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    const major = Number.parseInt(gecko.strict_min_version ?? '0', 10);
    expect(major).toBeGreaterThanOrEqual(140);
  });
});

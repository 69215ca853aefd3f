// What the popup says about the tab it was opened on, decided from what the browser shows it (the tab's address,
// visible only on sites Reply Radar may read), the content script's last report (through the background) and the
// settings. Pure, so every case is tested directly.
import type { Platform } from '../../utils/core/model';
import type { Settings } from '../../utils/core/settings';
import type { TabReport } from '../../utils/core/tab-report';
import { platformOfUrl } from './site';

export type TabStatus =
  | { kind: 'checking' }
  /** Not one of the sites (or one we may not read, when every site is allowed that cannot be). */
  | { kind: 'elsewhere' }
  /** The address is hidden from us and some sites are not allowed: this tab may be one of them. */
  | { kind: 'no-access'; sites: Platform[] }
  | { kind: 'off'; site: Platform }
  /** On a site, but no content script has reported: it was open before Reply Radar started, or it cannot run. */
  | { kind: 'not-running'; site: Platform }
  | { kind: 'not-post'; site: Platform }
  | { kind: 'not-brand'; site: Platform }
  | { kind: 'working'; site: Platform; report: TabReport };

export interface TabFacts {
  /** The tab's address as the browser gives it to us (undefined: hidden, or not known yet). */
  url: string | undefined;
  report: TabReport | null;
  /** Sites whose host access is not granted. */
  withoutAccess: Platform[];
}

export function tabStatus(facts: TabFacts | null, settings: Settings | null): TabStatus {
  if (!facts || !settings) return { kind: 'checking' };
  const site = platformOfUrl(facts.url);
  if (!site) {
    return facts.url === undefined && facts.withoutAccess.length > 0
      ? { kind: 'no-access', sites: facts.withoutAccess }
      : { kind: 'elsewhere' };
  }
  if (!settings.sites[site]) return { kind: 'off', site };
  const report = facts.report;
  // A report from another site (the tab moved on before the background heard) is no report.
  if (!report || report.platform !== site) return { kind: 'not-running', site };
  if (report.state === 'off') return { kind: 'off', site };
  if (report.state === 'not-post') return { kind: 'not-post', site };
  if (report.state === 'not-brand') return { kind: 'not-brand', site };
  return { kind: 'working', site, report };
}

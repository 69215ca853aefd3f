// The keyboard chords of the overlay, each re-bindable by pressing the new keys. A chord another action uses is
// refused; a chord the site itself uses is kept but flagged.
import { useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings, type ShortcutAction } from '../../utils/core/settings';
import { t } from '../../utils/i18n';
import { chordFromEvent, keyName } from '../../utils/overlay/keyboard';
import { TOGGLE_PANEL_COMMAND, useCommandShortcut } from '../command-shortcut';
import { ACTION_ORDER, actionLabel, chordOwner, chordProblems, chordText, sameChord } from './chords';
import { ExpandTriggerField } from './ExpandTriggerField';
import { Section } from './Field';
import type { UpdateSettings } from './use-settings';

interface ShortcutsSectionProps {
  settings: Settings;
  update: UpdateSettings;
}

export function ShortcutsSection({ settings, update }: ShortcutsSectionProps) {
  const [recording, setRecording] = useState<ShortcutAction | null>(null);
  const [refused, setRefused] = useState<{ action: ShortcutAction; message: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const commandShortcut = useCommandShortcut(TOGGLE_PANEL_COMMAND);
  const shortcuts = settings.shortcuts;
  const problems = chordProblems(shortcuts);

  const bind = (action: ShortcutAction, chord: Settings['shortcuts'][ShortcutAction]) => {
    const owner = chordOwner(shortcuts, chord, action);
    if (owner) {
      setRefused({
        action,
        message: t('shortcuts_already_used', { keys: chordText(chord), action: actionLabel(owner) }),
      });
      return;
    }
    setRefused(null);
    if (update({ shortcuts: { ...shortcuts, [action]: chord } })) {
      setAnnouncement(t('shortcuts_bound', { action: actionLabel(action), keys: chordText(chord) }));
    }
  };

  const onRecorderKey = (action: ShortcutAction, e: KeyboardEvent) => {
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    if (plain && e.key === 'Escape') {
      e.preventDefault();
      setRecording(null);
      setAnnouncement(t('shortcuts_unchanged'));
      return;
    }
    // Tab alone leaves the recorder as it leaves any button.
    if (plain && e.key === 'Tab') {
      setRecording(null);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    const chord = chordFromEvent(e);
    if (!chord) return; // only modifiers so far: keep listening
    setRecording(null);
    bind(action, chord);
  };

  const customized = ACTION_ORDER.some((a) => !sameChord(shortcuts[a], DEFAULT_SETTINGS.shortcuts[a]));

  return (
    <Section id="shortcuts" title={t('shortcuts_title')} description={t('shortcuts_description')}>
      <div class="rr-card">
        <table class="rr-shortcuts">
          <caption class="rr-visually-hidden">{t('shortcuts_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts_col_action')}</th>
              <th scope="col">{t('shortcuts_col_keys')}</th>
              <th scope="col">
                <span class="rr-visually-hidden">{t('shortcuts_change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ACTION_ORDER.map((action) => {
              const chord = shortcuts[action];
              const isDefault = sameChord(chord, DEFAULT_SETTINGS.shortcuts[action]);
              const rowProblems = problems[action] ?? [];
              const messageId = `rr-shortcut-${action}-problems`;
              const hasMessages = rowProblems.length > 0 || refused?.action === action;
              return (
                <tr key={action} data-testid="shortcut-row" data-action={action}>
                  <th scope="row">
                    {actionLabel(action)}
                    {hasMessages ? (
                      <div id={messageId} class="rr-shortcut-problems">
                        {refused?.action === action ? (
                          <p class="rr-error" role="alert">
                            {refused.message}
                          </p>
                        ) : null}
                        {rowProblems.map((p) => (
                          <p key={p.message} class={p.kind === 'duplicate' ? 'rr-error' : 'rr-warning'}>
                            {p.message}
                          </p>
                        ))}
                      </div>
                    ) : null}
                  </th>
                  <td>
                    <kbd class="rr-kbd">{chordText(chord)}</kbd>
                  </td>
                  <td class="rr-shortcuts__buttons">
                    <button
                      type="button"
                      class={`rr-button rr-button--small${recording === action ? ' rr-button--recording' : ''}`}
                      aria-pressed={recording === action}
                      aria-describedby={hasMessages ? messageId : undefined}
                      aria-label={
                        recording === action
                          ? t('shortcuts_recording_label', {
                              action: actionLabel(action),
                              keys: chordText(chord),
                              esc: keyName('Escape'),
                            })
                          : t('shortcuts_change_label', { action: actionLabel(action), keys: chordText(chord) })
                      }
                      onClick={() => {
                        setRefused(null);
                        setRecording(recording === action ? null : action);
                      }}
                      onKeyDown={(e) => {
                        if (recording === action) onRecorderKey(action, e);
                      }}
                      onBlur={() => {
                        if (recording === action) setRecording(null);
                      }}
                    >
                      {recording === action ? t('shortcuts_press_keys') : t('shortcuts_change')}
                    </button>
                    {isDefault ? null : (
                      <button
                        type="button"
                        class="rr-button rr-button--small rr-button--quiet"
                        aria-label={t('shortcuts_reset_label', {
                          action: actionLabel(action),
                          keys: chordText(DEFAULT_SETTINGS.shortcuts[action]),
                        })}
                        onClick={() => bind(action, DEFAULT_SETTINGS.shortcuts[action])}
                      >
                        {t('shortcuts_reset')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div class="rr-actions">
          <button
            type="button"
            class="rr-button"
            disabled={!customized}
            onClick={() => {
              setRefused(null);
              if (update({ shortcuts: structuredClone(DEFAULT_SETTINGS.shortcuts) })) {
                setAnnouncement(t('shortcuts_all_reset'));
              }
            }}
          >
            {t('shortcuts_reset_all')}
          </button>
        </div>
        <p class="rr-visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
      <ExpandTriggerField settings={settings} update={update} />
      <div class="rr-card rr-note">
        <p>{t('shortcuts_command_note')}</p>
        {commandShortcut ? <p class="rr-hint">{t('shortcuts_command_now', { keys: commandShortcut })}</p> : null}
        <ul>
          <li>{t('shortcuts_command_chrome', { address: 'chrome://extensions/shortcuts' })}</li>
          <li>{t('shortcuts_command_firefox', { address: 'about:addons' })}</li>
        </ul>
      </div>
    </Section>
  );
}

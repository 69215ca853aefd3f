// The words behind the Question / Complaint / Order labels: the built-in lists per language, read-only, and the
// user's own words added to them (settings.labelWords).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ANY_LANGUAGE, BUILTIN_LABEL_WORDS, LABEL_KINDS } from '../../utils/core/labels';
import type { LabelKind, Settings } from '../../utils/core/settings';
import { Field, Section } from './Field';
import { languageName, parseList } from './format';
import type { UpdateSettings } from './use-settings';

const KIND_NAMES: Record<LabelKind, string> = { question: 'Question', complaint: 'Complaint', order: 'Order' };

type LabelWords = Settings['labelWords'];

function languagesOf(words: LabelWords): string[] {
  const all = new Set<string>();
  for (const kind of LABEL_KINDS) {
    for (const lang of Object.keys(BUILTIN_LABEL_WORDS[kind])) all.add(lang);
    for (const lang of Object.keys(words[kind] ?? {})) all.add(lang);
  }
  all.delete(ANY_LANGUAGE);
  return [ANY_LANGUAGE, ...[...all].sort((a, b) => languageName(a).localeCompare(languageName(b)))];
}

/** Word lists are keyed by the base language, lower-case ("pt-BR" → "pt"), as the label matcher looks them up. */
export function baseLanguageTag(input: string): string {
  return input.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function withWords(all: LabelWords, kind: LabelKind, lang: string, words: string[]): LabelWords {
  const forKind = { ...(all[kind] ?? {}) };
  if (words.length > 0) forKind[lang] = words;
  else delete forKind[lang];
  return { ...all, [kind]: forKind };
}

function initialLanguage(choices: readonly string[]): string {
  const own = baseLanguageTag(globalThis.navigator?.language ?? 'en');
  return choices.includes(own) ? own : 'en';
}

export function LabelsSection({ settings, update }: { settings: Settings; update: UpdateSettings }) {
  const words = settings.labelWords;
  const [added, setAdded] = useState<string[]>([]);
  const choices = useMemo(() => [...new Set([...languagesOf(words), ...added])], [words, added]);
  const [lang, setLang] = useState(() => initialLanguage(choices));
  const [newLang, setNewLang] = useState('');
  const [newLangError, setNewLangError] = useState<string | null>(null);

  const customized = choices.filter((l) => LABEL_KINDS.some((k) => (words[k]?.[l]?.length ?? 0) > 0));

  const addLanguage = () => {
    const tag = baseLanguageTag(newLang);
    if (!/^[a-z]{2,3}$/.test(tag)) {
      setNewLangError('Enter a language code such as de, pt or ja.');
      return;
    }
    setNewLangError(null);
    setAdded((a) => (a.includes(tag) ? a : [...a, tag]));
    setLang(tag);
    setNewLang('');
  };

  return (
    <Section
      id="labels"
      title="Labels"
      description="Waiting comments get a Question, Complaint or Order label when they contain one of these words. Add your own words for the way your customers write."
    >
      <div class="rr-card">
        <div class="rr-grid">
          <Field label="Language" class="rr-field--narrow">
            {(c) => (
              <select {...c} name="labelLanguage" value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
                {choices.map((l) => (
                  <option key={l} value={l}>
                    {l === ANY_LANGUAGE ? languageName(l) : `${languageName(l)} (${l})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Another language" hint="Its code, e.g. de" error={newLangError} class="rr-field--narrow">
            {(c) => (
              <div class="rr-inline">
                <input
                  {...c}
                  type="text"
                  name="labelNewLanguage"
                  autoComplete="off"
                  spellcheck={false}
                  value={newLang}
                  onInput={(e) => setNewLang(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addLanguage();
                    }
                  }}
                />
                <button type="button" class="rr-button" onClick={addLanguage}>
                  Add
                </button>
              </div>
            )}
          </Field>
        </div>
        {customized.length > 0 ? (
          <p class="rr-hint">{`Your own words so far: ${customized.map((l) => languageName(l)).join(', ')}.`}</p>
        ) : null}
        {LABEL_KINDS.map((kind) => (
          <KindWords
            key={`${kind}-${lang}`}
            kind={kind}
            lang={lang}
            builtin={BUILTIN_LABEL_WORDS[kind][lang] ?? []}
            mine={words[kind]?.[lang] ?? []}
            onChange={(list) => update({ labelWords: withWords(words, kind, lang, list) })}
          />
        ))}
        <p class="rr-hint">
          Words match whole words, ignoring case. End a word with * to match any ending (refund* finds “refunded”).
          Phrases of several words work too. In Khmer, Thai and other scripts without spaces, words match anywhere.
        </p>
      </div>
    </Section>
  );
}

interface KindWordsProps {
  kind: LabelKind;
  lang: string;
  builtin: readonly string[];
  mine: readonly string[];
  onChange: (words: string[]) => void;
}

function KindWords({ kind, lang, builtin, mine, onChange }: KindWordsProps) {
  const [text, setText] = useState(mine.join(', '));
  const stored = mine.join('\n');

  // Follow changes from elsewhere without rewriting what the user is typing ("foo, " stays as typed).
  useEffect(() => {
    setText((t) => (parseList(t).join('\n') === stored ? t : stored.split('\n').filter(Boolean).join(', ')));
  }, [stored]);

  return (
    <div class="rr-label-kind">
      <h3 class="rr-label-kind__title">{KIND_NAMES[kind]}</h3>
      <p class="rr-muted rr-label-kind__builtin">
        {builtin.length > 0
          ? `Built in: ${builtin.join(', ')}`
          : `No built-in ${KIND_NAMES[kind].toLowerCase()} words for ${languageName(lang)}.`}
      </p>
      <Field label={`Your ${KIND_NAMES[kind].toLowerCase()} words`} hint="Comma-separated">
        {(c) => (
          <input
            {...c}
            type="text"
            name={`labelWords-${kind}`}
            autoComplete="off"
            value={text}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setText(value);
              onChange(parseList(value));
            }}
          />
        )}
      </Field>
    </div>
  );
}

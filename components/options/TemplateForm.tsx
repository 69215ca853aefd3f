// Create or edit one template. Problems show next to their field while typing (unknown variables, a shortcut another
// template uses); the storage layer has the last word on save and its refusal lands next to the field it names.
import { useMemo, useRef, useState } from 'preact/hooks';
import { renderTemplate, SAMPLE_TEMPLATE_VARS } from '../../utils/core/render-template';
import type { Template, TemplateDraft } from '../../utils/core/template';
import { t, tn } from '../../utils/i18n';
import { keyName } from '../../utils/overlay/keyboard';
import { toErrorInfo } from '../../utils/storage/errors';
import { shortcutOwner } from '../../utils/storage/templates';
import { Field, FieldError } from './Field';
import { errorText, languageName, parseList } from './format';
import { fixedXLength, unknownVariables, variableInfo } from './template-checks';

/** Languages offered first; any other BCP 47 tag can be typed under "Other". */
export const COMMON_LANGUAGES = ['en', 'hu', 'bn', 'km'] as const;
const OTHER = '__other__';

type FieldName = 'title' | 'body' | 'shortcut' | 'language' | 'tags';
type Errors = Partial<Record<FieldName | 'form', string>>;

interface Values {
  title: string;
  body: string;
  shortcut: string;
  language: string;
  tags: string;
}

function valuesOf(tpl: Template | undefined, defaultLanguage: string): Values {
  return {
    title: tpl?.title ?? '',
    body: tpl?.body ?? '',
    shortcut: tpl?.shortcut ?? '',
    language: tpl?.language ?? defaultLanguage,
    tags: tpl?.tags.join(', ') ?? '',
  };
}

export interface TemplateFormProps {
  /** The template being edited; absent when creating. */
  template?: Template;
  /** All live templates, for the live duplicate-shortcut check. */
  templates: readonly Template[];
  defaultLanguage: string;
  onSave: (draft: TemplateDraft) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
  saveTestId?: string;
  /** The agent's name from the settings ({agent} in the preview); empty when not set. */
  agentName?: string;
  /** The character typed before a shortcut in a reply box (settings), for the hint. */
  trigger?: string;
}

// i18n-ignore: template syntax, the same in every language
const OPTIONAL_EXAMPLE = '{agent? – {agent}}';

/** The body as a customer would read it, for a sample comment (optional parts resolved, {cursor} removed). */
function previewText(body: string, agentName: string): string {
  return renderTemplate(body, { ...SAMPLE_TEMPLATE_VARS, agent: agentName.trim() }).text;
}

function checkValues(v: Values, templates: readonly Template[], exceptId: string | undefined): Errors {
  const errors: Errors = {};
  if (v.title.trim() === '') errors.title = t('form_title_required');
  else if (v.title.trim().length > 200) errors.title = t('form_title_too_long', { max: 200 });
  if (v.body.trim() === '') errors.body = t('form_body_required');
  else if (v.body.length > 10_000) errors.body = t('form_body_too_long', { max: 10_000 });
  const unknown = unknownVariables(v.body);
  if (unknown.length > 0) {
    const list = unknown.map((n) => `{${n}}`).join(', ');
    errors.body = tn('form_unknown_variables', unknown.length, { list });
  }
  const shortcut = v.shortcut.trim();
  if (shortcut.length > 32) errors.shortcut = t('form_shortcut_too_long', { max: 32 });
  else if (/\s/.test(shortcut)) errors.shortcut = t('form_shortcut_spaces');
  else {
    const owner = shortcutOwner(templates, shortcut, exceptId);
    if (owner) errors.shortcut = t('form_shortcut_taken', { shortcut, title: owner.title });
  }
  const language = v.language.trim();
  if (language.length < 2 || language.length > 35) errors.language = t('form_language_invalid');
  return errors;
}

export function TemplateForm({
  template,
  templates,
  defaultLanguage,
  onSave,
  onCancel,
  testId,
  saveTestId,
  agentName = '',
  trigger = ';',
}: TemplateFormProps) {
  const [values, setValues] = useState<Values>(() => valuesOf(template, defaultLanguage));
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const languageChoices = useMemo(() => {
    const seen = new Set<string>(COMMON_LANGUAGES);
    for (const tpl of templates) seen.add(tpl.language);
    return [...seen];
  }, [templates]);
  const [otherLanguage, setOtherLanguage] = useState(() => !languageChoices.includes(values.language));

  const errors = checkValues(values, templates, template?.id);
  // Required-field errors wait for the user to leave the field (or try to save); the others show while typing.
  const shown = (name: FieldName): string | undefined => {
    const live = name === 'body' && unknownVariables(values.body).length > 0;
    const visible = live || name === 'shortcut' || name === 'language' || touched[name] || submitted;
    return serverErrors[name] ?? (visible ? errors[name] : undefined);
  };

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setServerErrors((e) => ({ ...e, [name]: undefined, form: undefined }));
  };
  const touch = (name: FieldName) => setTouched((seen) => ({ ...seen, [name]: true }));

  const insertVariable = (name: string) => {
    const area = bodyRef.current;
    const token = `{${name}}`;
    const start = area?.selectionStart ?? values.body.length;
    const end = area?.selectionEnd ?? values.body.length;
    const body = values.body.slice(0, start) + token + values.body.slice(end);
    set('body', body);
    // Back to the text with the caret after the inserted variable, so typing goes on where it was.
    requestAnimationFrame(() => {
      if (!area) return;
      area.focus();
      area.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    const firstInvalid = (['title', 'body', 'shortcut', 'language'] as const).find((n) => errors[n]);
    if (firstInvalid) {
      formRef.current
        ?.querySelector<HTMLElement>(
          `[name="${firstInvalid === 'language' && otherLanguage ? 'languageOther' : firstInvalid}"]`,
        )
        ?.focus();
      return;
    }
    const draft: TemplateDraft = {
      title: values.title.trim(),
      body: values.body,
      language: values.language.trim(),
      tags: parseList(values.tags),
    };
    const shortcut = values.shortcut.trim();
    // When editing, an empty shortcut removes it ('' is the storage layer's "no shortcut").
    if (shortcut || template) draft.shortcut = shortcut;
    setBusy(true);
    try {
      await onSave(draft);
      if (!template) {
        setValues(valuesOf(undefined, values.language));
        setTouched({});
        setSubmitted(false);
        setServerErrors({});
      }
    } catch (err) {
      const info = toErrorInfo(err);
      const field = (info.path?.split(/[.[]/)[0] ?? '') as FieldName;
      const known: FieldName[] = ['title', 'body', 'shortcut', 'language', 'tags'];
      if (known.includes(field)) {
        setServerErrors({ [field]: errorText(err) });
        formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
      } else {
        setServerErrors({ form: errorText(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  const length = fixedXLength(values.body);
  const editing = template !== undefined;

  return (
    <form
      ref={formRef}
      class="rr-template-form"
      data-testid={testId}
      aria-label={editing ? t('form_label_edit', { title: template.title }) : t('form_label_new')}
      noValidate
      onSubmit={submit}
    >
      <div class="rr-grid">
        <Field label={t('form_title')} error={shown('title')}>
          {(c) => (
            <input
              {...c}
              name="title"
              type="text"
              required
              maxLength={200}
              autoComplete="off"
              value={values.title}
              onInput={(e) => set('title', e.currentTarget.value)}
              onBlur={() => touch('title')}
            />
          )}
        </Field>
        <Field
          label={t('form_shortcut')}
          hint={t('form_shortcut_hint', { trigger: trigger || ';', space: keyName('Space'), tab: keyName('Tab') })}
          error={shown('shortcut')}
          class="rr-field--narrow"
        >
          {(c) => (
            <input
              {...c}
              name="shortcut"
              type="text"
              maxLength={32}
              autoComplete="off"
              spellcheck={false}
              value={values.shortcut}
              onInput={(e) => set('shortcut', e.currentTarget.value)}
              onBlur={() => touch('shortcut')}
            />
          )}
        </Field>
      </div>

      <Field
        label={t('form_body')}
        error={shown('body')}
        hint={
          <span class={length.length > length.max ? 'rr-counter rr-counter--over' : 'rr-counter'}>
            {t('form_x_length', { length: length.length, max: length.max })}
            {length.hasVariables ? t('form_x_length_variables') : ''}
          </span>
        }
      >
        {(c) => (
          <textarea
            {...c}
            ref={bodyRef}
            name="body"
            required
            rows={5}
            value={values.body}
            onInput={(e) => set('body', e.currentTarget.value)}
            onBlur={() => touch('body')}
          />
        )}
      </Field>
      <div class="rr-preview" data-testid="template-preview">
        <p class="rr-preview-label">{t('form_preview')}</p>
        <p class="rr-preview-text">{previewText(values.body, agentName)}</p>
        <p class="rr-hint">{t('form_optional_hint', { example: OPTIONAL_EXAMPLE })}</p>
      </div>
      <fieldset class="rr-variables">
        <legend>{t('form_insert_variable')}</legend>
        {variableInfo().map((v) => (
          <button
            key={v.name}
            type="button"
            class="rr-chip-button"
            title={v.description}
            aria-label={t('form_insert_variable_label', { variable: `{${v.name}}`, description: v.description })}
            onClick={() => insertVariable(v.name)}
          >
            {`{${v.name}}`}
          </button>
        ))}
      </fieldset>

      <div class="rr-grid">
        <Field
          label={t('form_language')}
          error={otherLanguage ? undefined : shown('language')}
          class="rr-field--narrow"
        >
          {(c) => (
            <select
              {...c}
              name="language"
              value={otherLanguage ? OTHER : values.language}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (v === OTHER) {
                  setOtherLanguage(true);
                  set('language', '');
                } else {
                  setOtherLanguage(false);
                  set('language', v);
                }
              }}
            >
              {languageChoices.map((code) => (
                <option key={code} value={code}>
                  {`${languageName(code)} (${code})`}
                </option>
              ))}
              <option value={OTHER}>{t('form_language_other')}</option>
            </select>
          )}
        </Field>
        {otherLanguage ? (
          <Field
            label={t('form_language_code')}
            hint={t('form_language_code_hint')}
            error={shown('language')}
            class="rr-field--narrow"
          >
            {(c) => (
              <input
                {...c}
                name="languageOther"
                type="text"
                maxLength={35}
                autoComplete="off"
                spellcheck={false}
                value={values.language}
                onInput={(e) => set('language', e.currentTarget.value)}
                onBlur={() => touch('language')}
              />
            )}
          </Field>
        ) : null}
        <Field label={t('form_tags')} hint={t('form_tags_hint')} error={shown('tags')}>
          {(c) => (
            <input
              {...c}
              name="tags"
              type="text"
              autoComplete="off"
              value={values.tags}
              onInput={(e) => set('tags', e.currentTarget.value)}
            />
          )}
        </Field>
      </div>

      {serverErrors.form ? <FieldError message={serverErrors.form} /> : null}
      <div class="rr-actions">
        <button type="submit" class="rr-button rr-button--primary" data-testid={saveTestId} disabled={busy}>
          {editing ? t('form_save_changes') : t('form_add')}
        </button>
        {onCancel ? (
          <button type="button" class="rr-button" onClick={onCancel}>
            {t('common_cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

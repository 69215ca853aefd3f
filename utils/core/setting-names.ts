// The names settings are keyed by, as plain lists: settings.ts builds its schemas from them, and the content scripts
// (which carry no zod) read them from here.
export const SHORTCUT_ACTIONS = [
  'next',
  'previous',
  'reply',
  'done',
  'snooze',
  'togglePanel',
  'template1',
  'template2',
  'template3',
  'template4',
  'template5',
  'template6',
  'template7',
  'template8',
  'template9',
] as const;

export const LABEL_KINDS = ['question', 'complaint', 'order'] as const;

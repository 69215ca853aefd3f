// The storage.local keys content scripts watch (WXT's `local:` items store under the bare name): a change there means
// "ask the background again". Kept apart from the storage modules so content scripts need no storage code.
export const SETTINGS_LOCAL_KEY = 'settings';
export const TEMPLATES_REVISION_LOCAL_KEY = 'templatesRevision';
export const STATES_REVISION_LOCAL_KEY = 'commentStatesRevision';

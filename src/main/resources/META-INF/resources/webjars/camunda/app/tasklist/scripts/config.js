// Permanence's Tasklist settings: Camunda's defaults (see the webjar's own config.js), plus the
// "Ma disponibilité" link, the call alerts (screen-pop.js) and form-js's own few words in French (form-words.js), loaded as
// Tasklist plugins (ES modules), and French
// first (locales/fr.json is ours: docs/translations.md).

// Tasklist shows the shortcuts' descriptions as written here, untranslated: pick them by the rule
// Tasklist uses for its own language (the browser's first language, French unless it is English).
const english = (navigator.languages?.[0] || navigator.language || '').toLowerCase().startsWith('en');
const describe = (fr, en) => (english ? en : fr);

export default {
  // the fallback is the language chosen: Tasklist loads the fallback too and its dates follow whichever
  // file loaded last, so an English browser with a French fallback saw "Due dans 4 heures"
  locales: {availableLocales: ['fr', 'en'], fallbackLocale: english ? 'en' : 'fr'},
  customScripts: ['scripts/presence-link', 'scripts/screen-pop', 'scripts/form-words'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: describe('prend la tâche sélectionnée', 'claims the currently selected task')},
    focusFilter: {key: 'ctrl+shift+f', description: describe('place le curseur sur le premier filtre de la liste', 'set the focus to the first filter in the list')},
    focusList: {key: 'ctrl+alt+l', description: describe('place le curseur sur la première tâche de la liste', 'sets the focus to the first task in the list')},
    focusForm: {key: 'ctrl+alt+f', description: describe('place le curseur sur le premier champ du formulaire de la tâche', 'sets the focus to the first input field in a task form')},
    startProcess: {key: 'ctrl+alt+p', description: describe('ouvre la fenêtre « Démarrer un processus »', 'opens the start process modal dialog')}
  }
};

// Permanence's Cockpit settings: Camunda's defaults (see the webjar's own config.js), French first.
// The browser's first language picks fr or en; any other language gets French, the office's.
// locales/fr.json is ours (docs/translations.md).
// the webapp's own rule: the browser's first language, French unless it is English
const english = (navigator.languages?.[0] || navigator.language || '').toLowerCase().startsWith('en');

export default {
  // the fallback is the language chosen: the app loads the fallback too and its dates follow whichever
  // file loaded last (an English browser with a French fallback saw French dates)
  locales: {availableLocales: ['fr', 'en'], fallbackLocale: english ? 'en' : 'fr'}
};

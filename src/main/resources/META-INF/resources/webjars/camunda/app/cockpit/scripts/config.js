// Permanence's Cockpit settings: Camunda's defaults (see the webjar's own config.js), French first.
// The browser's first language picks fr or en; any other language gets French, the office's.
// locales/fr.json is ours (docs/translations.md).
export default {
  locales: {availableLocales: ['fr', 'en'], fallbackLocale: 'fr'}
};

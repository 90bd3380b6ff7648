// The "New client" page: its usual mail templates follow the client's language until the manager
// adapts them, and each problem in the summary at the top leads to its field.

const USUAL_TEMPLATES = JSON.parse(document.getElementById('usual-templates').textContent);
const TEMPLATE_FIELDS = ['code', 'name', 'kind', 'subject', 'body'];
const language = document.getElementById('language');
let templatesLanguage = language.value;

/** A textarea gives its text back with LF and perhaps without the last line's end. */
function sameText(typed, usual) {
  return typed.replace(/\r\n/g, '\n').trim() === String(usual).trim();
}

language.addEventListener('change', () => {
  const shown = USUAL_TEMPLATES[templatesLanguage] || [];
  const wanted = USUAL_TEMPLATES[language.value] || [];
  shown.forEach((usual, row) => {
    const inputs = TEMPLATE_FIELDS.map(field => document.getElementById(`templates[${row}].${field}`));
    // a row she changed, even slightly, is hers: never written over
    if (wanted[row] && inputs.every((input, i) => sameText(input.value, usual[TEMPLATE_FIELDS[i]]))) {
      inputs.forEach((input, i) => { input.value = wanted[row][TEMPLATE_FIELDS[i]]; });
    }
  });
  templatesLanguage = language.value;
});

document.querySelectorAll('#problems a').forEach(link => link.addEventListener('click', event => {
  const target = document.getElementById(decodeURIComponent(link.hash.substring(1)));
  if (!target) {
    return;
  }
  event.preventDefault();
  const input = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
  input.scrollIntoView({block: 'center'});
  input.focus();
}));

// The "New client" page: its usual document categories and mail templates follow the client's language
// until the manager adapts them, and each problem in the summary at the top leads to its field.

const USUAL = JSON.parse(document.getElementById('usual').textContent);
const language = document.getElementById('language');
let usualLanguage = language.value;

/** A textarea gives its text back with LF and perhaps without the last line's end. */
function sameText(typed, usual) {
  return typed.replace(/\r\n/g, '\n').trim() === String(usual ?? '').trim();
}

/** Rows of a list still as the office's usual ones in the shown language take the chosen language's. */
function followLanguage(list, usualRows, fields) {
  const shown = usualRows[usualLanguage] || [];
  const wanted = usualRows[language.value] || [];
  shown.forEach((usual, row) => {
    const inputs = fields.map(field => document.getElementById(`${list}[${row}].${field}`));
    // a row she changed, even slightly, is hers: never written over
    if (wanted[row] && inputs.every(input => input !== null)
        && inputs.every((input, i) => sameText(input.value, usual[fields[i]]))) {
      inputs.forEach((input, i) => { input.value = wanted[row][fields[i]]; input.dispatchEvent(new Event('input')); });
    }
  });
}

language.addEventListener('change', () => {
  followLanguage('documentCategories', USUAL.categories, ['code', 'name']);
  followLanguage('templates', USUAL.templates, ['code', 'name', 'kind', 'subject', 'body']);
  usualLanguage = language.value;
});

document.querySelectorAll('#problems a').forEach(link => link.addEventListener('click', event => {
  const target = document.getElementById(decodeURIComponent(link.hash.substring(1)));
  if (!target) {
    return;
  }
  event.preventDefault();
  const input = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
  // a template's fields are folded away until opened
  const folded = input.closest('details');
  if (folded) {
    folded.open = true;
  }
  input.scrollIntoView({block: 'center'});
  input.focus();
}));

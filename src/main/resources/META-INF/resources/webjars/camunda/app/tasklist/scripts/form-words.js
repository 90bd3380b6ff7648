// form-js, which draws the task forms in Tasklist, writes a few words of its own in English whatever the language
// ("Select" in a list nothing is picked from yet, "Search" in a searchable one, "No results"): in a French Tasklist
// they are put in French as form-js draws them. A text is changed in place (its text node's data), never replaced:
// form-js keeps that node and writes the picked label into it.
const english = (navigator.languages?.[0] || navigator.language || 'fr').toLowerCase().startsWith('en');
const FRENCH = {'Select': 'Choisir…', 'Search': 'Rechercher', 'No results': 'Aucun résultat', 'All values selected': 'Toutes les valeurs sont choisies'};
let watching = false;
const TEXTS = '.fjs-container .fjs-select-display, .fjs-container .fjs-dropdownlist-empty';

function frenchWords(root) {
  root.querySelectorAll(TEXTS).forEach((element) => {
    const text = element.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && FRENCH[text.data]) {
      text.data = FRENCH[text.data];
    }
  });
  root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach((input) => {
    input.placeholder = FRENCH.Search;
  });
}

export default {
  id: 'permanence.form-words',
  pluginPoint: 'tasklist.navbar.action',
  priority: 0,
  render: () => {
    if (english || watching) {
      return;
    }
    watching = true;
    frenchWords(document.body);
    new MutationObserver(() => frenchWords(document.body))
      .observe(document.body, {childList: true, subtree: true, characterData: true});
  }
};

// "Modèle de mail": fields of the case are inserted from the list where the cursor was (subject or text),
// and the preview beside the editor is drawn again on sample facts a moment after each change.

const form = document.getElementById('template-form');
const subject = document.getElementById('subject');
const body = document.getElementById('body');
let lastField = body;
[subject, body].forEach(field => field.addEventListener('focus', () => { lastField = field; }));

document.getElementById('insert').addEventListener('click', () => {
  const text = '{' + document.getElementById('placeholder').value + '}';
  const start = lastField.selectionStart ?? lastField.value.length;
  const end = lastField.selectionEnd ?? start;
  lastField.setRangeText(text, start, end, 'end');
  lastField.focus();
  showPreview();
});

let waiting;
function showPreview() {
  clearTimeout(waiting);
  waiting = setTimeout(() => {
    fetch(form.dataset.preview, {
      method: 'POST',
      headers: Object.assign({Accept: 'application/json'}, Permanence.csrfHeaders()),
      body: new URLSearchParams({subject: subject.value, body: body.value})
    })
      .then(response => response.json())
      .then(preview => {
        const problems = document.getElementById('preview-problems');
        problems.replaceChildren(...(preview.problems || []).map(problem => {
          const item = document.createElement('li');
          item.textContent = problem.message;
          return item;
        }));
        document.getElementById('preview-subject').textContent = preview.subject || '';
        document.getElementById('preview-text').textContent = preview.text || '';
        document.getElementById('preview').dataset.shown = String(Date.now());
      });
  }, 250);
}

[subject, body].forEach(field => field.addEventListener('input', showPreview));
showPreview();

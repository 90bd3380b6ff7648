// The documents page: upload a document for a client, list, search and re-classify the client's documents
// (all through /api), in the language /api/documents/texts chooses for her.
const client = document.getElementById('client');
const outcome = document.getElementById('outcome');
const search = {
  category: document.getElementById('search-category'),
  from: document.getElementById('search-from'),
  to: document.getElementById('search-to'),
  sender: document.getElementById('search-sender')
};
let T = {};
let language = 'fr';
let clients = [];
let rows = [];

// the bundle's {0}, {1}… filled in order
function t(key, ...values) {
  return (T[key] || key).replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
}

function say(text) { outcome.textContent = text; }

async function answer(response) {
  if (response.status === 401) { throw new Error(t('error.signIn')); }
  const body = await response.json();
  if (!response.ok) {
    const problems = (body.errors || []).map(e => e.message).join(' ; ');
    throw new Error(problems || body.detail || t('error.status', response.status));
  }
  return body;
}

function categoryName(code) {
  const own = (clients.find(c => c.id === client.value) || {documentCategories: []}).documentCategories.find(c => c.code === code);
  return own ? own.name : code;
}

function filedBy(d) {
  const confidence = d.confidence == null ? '' : new Intl.NumberFormat(language, {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(d.confidence);
  if (d.status !== 'FILED') {
    return d.category ? t('filedBy.suggested', categoryName(d.category), confidence) : '';
  }
  return d.classifiedBy === 'model' ? t('filedBy.model', confidence) : t('filedBy.person', d.classifiedBy);
}

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) { td.append(content); } else { td.textContent = content; }
  row.append(td);
  return td;
}

function correction(d) {
  if (d.status !== 'FILED') { return ''; }
  const form = document.createElement('form');
  form.className = 'correct';
  form.dataset.document = d.id;
  const choice = document.createElement('select');
  const codes = new Set((clients.find(c => c.id === client.value) || {documentCategories: []}).documentCategories.map(c => c.code));
  codes.add(d.category);
  choice.replaceChildren(...[...codes].map(code => new Option(categoryName(code), code, false, code === d.category)));
  const button = document.createElement('button');
  button.type = 'submit';
  button.textContent = t('correct.button');
  // when she is not the one who knows (the client said so on the phone, a doubt): the client's secretaries check it in Tasklist
  const review = document.createElement('button');
  review.type = 'button';
  review.className = 'review';
  review.textContent = t('review.button');
  review.addEventListener('click', async () => {
    try {
      const asked = await answer(await fetch('api/documents/' + encodeURIComponent(d.id) + '/review', {
        method: 'POST', headers: Permanence.csrfHeaders()
      }));
      say(t(asked.alreadyAsked ? 'review.already' : 'review.asked', d.originalName));
    } catch (error) { say(error.message); }
  });
  form.append(choice, ' ', button, ' ', review);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const now = await answer(await fetch('api/documents/' + encodeURIComponent(d.id) + '/category', {
        method: 'POST', body: JSON.stringify({category: choice.value}),
        headers: Object.assign({'Content-Type': 'application/json'}, Permanence.csrfHeaders())
      }));
      say(t('correct.done', now.originalName, categoryName(now.category)));
      await listDocuments();
    } catch (error) { say(error.message); }
  });
  return form;
}

function matches(d) {
  const received = d.receivedAt.substring(0, 10);
  return (!search.category.value || d.category === search.category.value)
    && (!search.from.value || received >= search.from.value)
    && (!search.to.value || received <= search.to.value)
    && (!search.sender.value || (d.sender || '').toLowerCase().includes(search.sender.value.toLowerCase()));
}

function show() {
  const dateTime = new Intl.DateTimeFormat(language, {dateStyle: 'short', timeStyle: 'short'});
  const date = new Intl.DateTimeFormat(language, {dateStyle: 'short'});
  const shown = rows.filter(matches);
  document.getElementById('documents').replaceChildren(...shown.map(d => {
    const row = document.createElement('tr');
    row.dataset.document = d.id;
    cell(row, dateTime.format(new Date(d.receivedAt)));
    cell(row, d.originalName);
    cell(row, d.documentDate ? date.format(new Date(d.documentDate + 'T00:00')) : '');
    cell(row, d.sender || '');
    cell(row, t('state.' + d.status));
    cell(row, d.category ? categoryName(d.category) : '').className = 'category';
    cell(row, filedBy(d)).className = 'filed-by';
    const preview = document.createElement('a');
    preview.href = 'api/documents/' + encodeURIComponent(d.id) + '/preview';
    preview.target = '_blank';
    preview.textContent = t('preview.link');
    cell(row, d.status === 'UNREADABLE' || d.status === 'RECEIVED' ? '' : preview);
    cell(row, correction(d));
    return row;
  }));
  document.getElementById('empty').hidden = shown.length > 0;
}

async function listDocuments() {
  rows = await answer(await fetch('api/clients/' + encodeURIComponent(client.value) + '/documents'));
  const chosen = search.category.value;
  const codes = [...new Set(rows.map(d => d.category).filter(c => c))];
  search.category.replaceChildren(new Option(t('search.all'), ''), ...codes.map(code => new Option(categoryName(code), code, false, code === chosen)));
  show();
}

document.getElementById('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData();
  form.append('file', document.getElementById('file').files[0]);
  say(t('upload.sending'));
  try {
    const receipt = await answer(await fetch('api/clients/' + encodeURIComponent(client.value) + '/documents', { method: 'POST', body: form, headers: Permanence.csrfHeaders() }));
    say(receipt.copy ? t('upload.copy') : t('upload.received', receipt.mediaType));
    await listDocuments();
  } catch (error) { say(error.message); }
});

client.addEventListener('change', () => listDocuments().catch(error => say(error.message)));
Object.values(search).forEach(field => field.addEventListener('input', show));

fetch('api/documents/texts').then(answer).then(texts => {
  T = texts.texts;
  language = texts.language;
  document.documentElement.lang = language;
  document.querySelectorAll('[data-t]').forEach(element => { element.textContent = t(element.dataset.t); });
  document.title = t('page.title') + ' — Permanence';
  return fetch('api/clients');
}).then(answer).then(list => {
  clients = list;
  client.replaceChildren(...clients.map(c => new Option(c.name, c.id)));
  return listDocuments();
}).catch(error => say(error.message));
document.getElementById('search').addEventListener('submit', event => event.preventDefault());

// The documents page: upload a document for a client, list the client's documents (all through /api).
const client = document.getElementById('client');
const outcome = document.getElementById('outcome');

function say(text) { outcome.textContent = text; }

async function answer(response) {
  if (response.status === 401) { throw new Error('Connectez-vous d\'abord à Tasklist.'); }
  const body = await response.json();
  if (!response.ok) {
    const problems = (body.errors || []).map(e => e.field + ' : ' + e.message).join(' ; ');
    throw new Error(problems || body.detail || ('Erreur ' + response.status));
  }
  return body;
}

async function listDocuments() {
  const rows = await answer(await fetch('api/clients/' + encodeURIComponent(client.value) + '/documents'));
  const body = document.getElementById('documents');
  body.replaceChildren(...rows.map(d => {
    const row = document.createElement('tr');
    [new Date(d.receivedAt).toLocaleString('fr-FR'), d.originalName, d.mediaType || '', d.status, d.category || '', d.classifiedBy || '']
      .forEach(value => { const cell = document.createElement('td'); cell.textContent = value; row.append(cell); });
    return row;
  }));
}

document.getElementById('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData();
  form.append('file', document.getElementById('file').files[0]);
  say('Envoi…');
  try {
    const receipt = await answer(await fetch('api/clients/' + encodeURIComponent(client.value) + '/documents', { method: 'POST', body: form, headers: Permanence.csrfHeaders() }));
    say(receipt.copy ? 'Ce document avait déjà été reçu : il est lié au premier, pas traité deux fois.'
                     : 'Reçu (' + receipt.mediaType + ') : il est lu et classé, ou une tâche « Classer le document » vous attend dans Tasklist.');
    await listDocuments();
  } catch (error) { say(error.message); }
});

client.addEventListener('change', () => listDocuments().catch(error => say(error.message)));

fetch('api/clients').then(answer).then(clients => {
  client.replaceChildren(...clients.map(c => new Option(c.name, c.id)));
  return listDocuments();
}).catch(error => say(error.message));

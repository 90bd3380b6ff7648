// A link in Tasklist's header to the secretary's status page (/presence), showing her status now and how many
// of her team are available (their names and statuses on hover), so that she changes hers in one click without
// leaving her work for long; right after a difficult call, the protected break offered there, in Tasklist; and, when a
// colleague just had a difficult call and she is the free one, a gentle nudge to check in, which she dismisses.
const LABELS = {
  fr: {title: 'Ma disponibilité', team: 'équipe', available: 'disponibles', AVAILABLE: 'Disponible', FOCUS: 'Concentration',
    BREAK: 'En pause', AWAY: 'Absente', protectedBreak: 'Appel difficile : pause protégée', minutes: 'min',
    checkIn: (name) => name + ' : appel difficile, un mot ?', hide: 'Masquer'},
  en: {title: 'My availability', team: 'team', available: 'available', AVAILABLE: 'Available', FOCUS: 'Focus',
    BREAK: 'On a break', AWAY: 'Away', protectedBreak: 'Difficult call: protected break', minutes: 'min',
    checkIn: (name) => name + ': difficult call, a word?', hide: 'Dismiss'}
};
const COLOURS = {AVAILABLE: '#2e8b57', FOCUS: '#e0a800', BREAK: '#1f77b4', AWAY: '#888'};
/** How often the header asks whether a protected break is offered (her last call may just have been difficult), and whether a colleague needs a word. */
const BREAK_OFFER_EVERY_MS = 15000;
const labels = (navigator.languages?.[0] || navigator.language || 'fr').toLowerCase().startsWith('en') ? LABELS.en : LABELS.fr;

const getJson = (path) => fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then((response) => (response.ok ? response.json() : null));

/** The office's CSRF token (the PERMANENCE-XSRF cookie, as static/csrf.js reads it), for the one change made here. */
function csrfHeaders() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('PERMANENCE-XSRF='));
  return cookie ? {'X-PERMANENCE-XSRF': decodeURIComponent(cookie.substring('PERMANENCE-XSRF='.length))} : {};
}

function showStatus(link, me) {
  const dot = document.createElement('span');
  dot.textContent = '● ';
  dot.style.color = COLOURS[me.status];
  link.replaceChildren(dot, labels.title + ' : ' + labels[me.status]);
  link.dataset.status = me.status;
}

function showTeam(team, colleagues) {
  const available = colleagues.filter((colleague) => colleague.status === 'AVAILABLE').length;
  team.textContent = labels.team + ' ' + available + '/' + colleagues.length + ' ' + labels.available;
  team.title = colleagues.map((colleague) => colleague.name + ' : ' + labels[colleague.status]).join('\n');
  team.dataset.available = String(available);
}

function offerBreak(offer, link, place) {
  place.replaceChildren();
  if (!offer || !offer.protectedBreak) {
    return;
  }
  place.append(labels.protectedBreak + ' ');
  offer.minutes.forEach((minutes) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-xs btn-default';
    button.id = 'permanence-protected-break-' + minutes;
    button.textContent = minutes + ' ' + labels.minutes;
    button.addEventListener('click', () => fetch('/api/me/protected-break', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders()},
      body: JSON.stringify({minutes})
    }).then((response) => (response.ok ? response.json() : null)).then((me) => {
      if (me) {
        showStatus(link, me);
        place.replaceChildren();
      }
    }));
    place.append(button, ' ');
  });
}

/** The nudge to check in on a colleague, if she is the free one; dismissed, it goes for good. */
function nudgeToCheckIn(answer, place) {
  place.replaceChildren();
  const nudge = answer && answer.nudge;
  if (!nudge) {
    return;
  }
  place.dataset.call = nudge.call;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.id = 'permanence-check-in-dismiss';
  dismiss.className = 'btn btn-xs btn-link';
  dismiss.title = labels.hide;
  dismiss.setAttribute('aria-label', labels.hide);
  dismiss.textContent = '×';
  dismiss.addEventListener('click', () => fetch('/api/me/check-in/dismissals', {
    method: 'POST', credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders()},
    body: JSON.stringify({call: nudge.call})
  }).then(() => place.replaceChildren()));
  place.append(labels.checkIn(nudge.name) + ' ', dismiss);
}

export default {
  id: 'permanence.presence-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    const link = document.createElement('a');
    link.id = 'permanence-presence';
    link.href = '/presence';
    link.textContent = labels.title;
    link.style.cssText = 'display:inline-block;padding:15px 10px;color:inherit';
    const team = document.createElement('a');
    team.id = 'permanence-team';
    team.href = '/presence#team';
    team.style.cssText = 'display:inline-block;padding:15px 10px 15px 0;color:inherit;opacity:.8';
    const offer = document.createElement('span');
    offer.id = 'permanence-break-offer';
    const checkIn = document.createElement('span');
    checkIn.id = 'permanence-check-in';
    checkIn.style.cssText = 'display:inline-block;padding:15px 10px;font-style:italic';
    node.append(link, team, offer, checkIn);
    getJson('/api/me/status').then((me) => me && showStatus(link, me)).catch(() => {});
    getJson('/api/team').then((colleagues) => colleagues && showTeam(team, colleagues)).catch(() => {});
    const askForBreak = () => getJson('/api/me/break-offer').then((answer) => offerBreak(answer, link, offer)).catch(() => {});
    const askForCheckIn = () => getJson('/api/me/check-in').then((answer) => nudgeToCheckIn(answer, checkIn)).catch(() => {});
    const ask = () => {
      askForBreak();
      askForCheckIn();
    };
    ask();
    const timer = setInterval(() => (document.body.contains(node) ? ask() : clearInterval(timer)), BREAK_OFFER_EVERY_MS);
  }
};

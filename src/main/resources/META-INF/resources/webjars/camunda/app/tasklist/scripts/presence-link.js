// A link in Tasklist's header to the secretary's status page (/presence), showing her status now,
// so that she changes it in one click without leaving her work for long.
const LABELS = {
  fr: {title: 'Ma disponibilité', AVAILABLE: 'Disponible', FOCUS: 'Concentration', BREAK: 'En pause', AWAY: 'Absente'},
  en: {title: 'My availability', AVAILABLE: 'Available', FOCUS: 'Focus', BREAK: 'On a break', AWAY: 'Away'}
};
const COLOURS = {AVAILABLE: '#2e8b57', FOCUS: '#e0a800', BREAK: '#1f77b4', AWAY: '#888'};

export default {
  id: 'permanence.presence-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: (node) => {
    const labels = (navigator.language || 'fr').startsWith('en') ? LABELS.en : LABELS.fr;
    const link = document.createElement('a');
    link.id = 'permanence-presence';
    link.href = '/presence';
    link.textContent = labels.title;
    link.style.cssText = 'display:inline-block;padding:15px 10px;color:inherit';
    node.appendChild(link);
    fetch('/api/me/status', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : null))
      .then((me) => {
        if (me) {
          const dot = document.createElement('span');
          dot.textContent = '● ';
          dot.style.color = COLOURS[me.status];
          link.textContent = labels.title + ' : ' + labels[me.status];
          link.prepend(dot);
          link.dataset.status = me.status;
        }
      })
      .catch(() => {});
  }
};

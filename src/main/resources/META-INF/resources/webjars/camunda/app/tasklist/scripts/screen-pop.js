// The call on her screen when the phone rings: the server pushes each new "Traiter l'appel" task of a
// client she serves (GET /api/me/ringing-calls, server-sent events); her task list is refreshed at once,
// and, unless she turned the alerts off (a button in the header, remembered in this browser), a ring
// and a desktop notification name the client and its greeting. A call the office gave a colleague
// refreshes her list without ringing.
const TEXTS = {
  fr: {on: 'Alertes d’appel : activées', off: 'Alertes d’appel : coupées', explain: 'Sonnerie et notification à chaque appel pour vos clients', call: 'Appel pour'},
  en: {on: 'Call alerts: on', off: 'Call alerts: off', explain: 'A ring and a notification for each call of your clients', call: 'Call for'}
};
const texts = (navigator.languages?.[0] || navigator.language || 'fr').toLowerCase().startsWith('en') ? TEXTS.en : TEXTS.fr;

let me = null;
let stream = null;
const toggles = new Set();

const alertsKey = () => 'permanence.call-alerts.' + (me || '');
const alertsOn = () => localStorage.getItem(alertsKey()) !== 'off';

function showToggles() {
  toggles.forEach((button) => {
    // Tasklist's own icons (Bootstrap 3's glyphicons): an emoji may have no font on her machine
    const icon = document.createElement('span');
    icon.className = 'glyphicon ' + (alertsOn() ? 'glyphicon-bell' : 'glyphicon-volume-off');
    button.replaceChildren(icon, ' ' + (alertsOn() ? texts.on : texts.off));
    button.setAttribute('aria-pressed', String(alertsOn()));
    button.dataset.alerts = alertsOn() ? 'on' : 'off';
  });
}

/** Tasklist (AngularJS) reloads its list and its filter's counter when told its task list changed. */
function refreshTaskList() {
  const list = document.querySelector('[cam-tasks]');
  const scope = window.angular && list ? window.angular.element(list).scope() : null;
  if (scope && scope.tasklistData) {
    scope.$evalAsync(() => scope.tasklistData.changed('taskList'));
  }
}

function ring() {
  const Audio = window.AudioContext || window.webkitAudioContext;
  if (!Audio) {
    return;
  }
  const audio = new Audio();
  // two short tones, as a desk phone rings
  [0, 0.35].forEach((start) => {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.2, audio.currentTime + start);
    volume.gain.setValueAtTime(0, audio.currentTime + start + 0.25);
    tone.connect(volume).connect(audio.destination);
    tone.start(audio.currentTime + start);
    tone.stop(audio.currentTime + start + 0.3);
  });
  setTimeout(() => audio.close(), 1000);
}

function notify(call) {
  const Notice = window.Notification;
  if (!Notice) {
    return;
  }
  const show = () => {
    const notice = new Notice(texts.call + ' ' + call.clientName, {body: call.greeting, tag: call.taskId});
    notice.onclick = () => {
      window.focus();
      window.location.hash = '#/?task=' + encodeURIComponent(call.taskId);
    };
  };
  if (Notice.permission === 'granted') {
    show();
  } else if (Notice.permission !== 'denied') {
    Notice.requestPermission().then((answer) => answer === 'granted' && show());
  }
}

function listen() {
  if (stream) {
    return;
  }
  stream = new EventSource('/api/me/ringing-calls', {withCredentials: true});
  stream.addEventListener('listening', (event) => {
    me = event.data;
    document.documentElement.dataset.screenPop = 'listening';
    showToggles();
  });
  stream.addEventListener('call', (event) => {
    const call = JSON.parse(event.data);
    refreshTaskList();
    if (alertsOn() && (call.assignee === null || call.assignee === me)) {
      ring();
      notify(call);
    }
  });
}

export default {
  id: 'permanence.screen-pop',
  pluginPoint: 'tasklist.navbar.action',
  priority: 90,
  render: (node) => {
    const button = document.createElement('button');
    button.id = 'permanence-call-alerts';
    button.type = 'button';
    button.className = 'btn btn-link';
    button.title = texts.explain;
    button.style.cssText = 'padding:15px 10px;color:inherit';
    button.addEventListener('click', () => {
      localStorage.setItem(alertsKey(), alertsOn() ? 'off' : 'on');
      // asked while she clicks: browsers only ask for the permission on a gesture
      if (alertsOn() && window.Notification && window.Notification.permission === 'default') {
        window.Notification.requestPermission();
      }
      showToggles();
    });
    node.appendChild(button);
    toggles.add(button);
    showToggles();
    listen();
  }
};

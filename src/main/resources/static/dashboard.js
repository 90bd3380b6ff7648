// Draws the managers' dashboard from GET /api/dashboard with Chart.js. Each canvas gets
// data-rendered="true" and data-points (the sum of what it shows) once drawn, for people and tests alike;
// a chart with nothing to show says so in words instead ("Rien cette semaine").
const TEXTS = JSON.parse(document.getElementById('dashboard-texts').textContent);
const LANGUAGE = document.getElementById('dashboard').dataset.language;
const DASHBOARD_URL = document.getElementById('dashboard').dataset.url;

const Dashboard = (function () {
  const palette = ['#1f4e79', '#d97706', '#15803d', '#b42318', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#a16207', '#475569'];
  const colour = i => palette[i % palette.length];
  const hour = new Intl.DateTimeFormat(LANGUAGE, {hour: '2-digit'});
  const day = new Intl.DateTimeFormat(LANGUAGE, {weekday: 'short', day: 'numeric'});
  // the API's local times have no offset: read them as they are, in the browser's own zone, just to format
  const local = iso => new Date(iso.length === 10 ? iso + 'T00:00' : iso);

  function draw(id, type, labels, datasets, options) {
    const canvas = document.getElementById(id);
    Chart.getChart(canvas)?.destroy();
    new Chart(canvas, {type, data: {labels, datasets}, options: Object.assign({animation: false, responsive: true, maintainAspectRatio: false}, options)});
    const points = datasets.flatMap(set => set.data).reduce((a, b) => a + b, 0);
    canvas.dataset.points = points;
    const plot = canvas.parentElement;
    let nothing = plot.querySelector('.nothing');
    if (!nothing) {
      nothing = plot.appendChild(document.createElement('p'));
      nothing.className = 'nothing';
    }
    nothing.textContent = TEXTS[plot.dataset.nothing || 'dashboard.nothingThisWeek'];
    plot.classList.toggle('empty', points === 0);
    canvas.dataset.rendered = 'true';
  }

  /** Counts are whole: their axis never ticks at 0.5. {@code across}: the axis counts run along. */
  function counts(across, stacked) {
    const scales = {x: {stacked}, y: {stacked}};
    scales[across].beginAtZero = true;
    scales[across].ticks = {precision: 0};
    return {scales};
  }

  /** A client's calls by hour, added up by day: a week is seven bars, not 168. */
  function byDay(hourly) {
    const days = [...new Set(hourly.hours.map(h => h.substring(0, 10)))];
    const clients = hourly.clients.map(client => {
      const counts = days.map(() => 0);
      client.counts.forEach((count, i) => { counts[days.indexOf(hourly.hours[i].substring(0, 10))] += count; });
      return Object.assign({}, client, {counts});
    });
    return {labels: days.map(d => day.format(local(d))), clients};
  }

  function calls(id, labels, clients) {
    draw(id, 'bar', labels, clients.map((client, i) => ({label: client.clientName, data: client.counts, backgroundColor: colour(i)})),
      Object.assign({plugins: {legend: {display: clients.length <= 12}}}, counts('y', true)));
  }

  function show(d) {
    document.getElementById('generated').textContent =
      TEXTS['dashboard.generated'].replace('{0}', d.timeZone).replace('{1}', d.queryMillis);
    calls('calls-today', d.callsToday.hours.map(h => hour.format(local(h))), d.callsToday.clients);
    const week = byDay(d.callsThisWeek);
    calls('calls-week', week.labels, week.clients);
    const open = d.openTasks;
    draw('open-tasks', 'doughnut',
      [TEXTS['dashboard.late'], TEXTS['dashboard.dueToday'], TEXTS['dashboard.later'], TEXTS['dashboard.noDueDate']],
      [{data: [open.late, open.dueToday, open.later, open.noDueDate], backgroundColor: ['#b42318', '#d97706', '#15803d', '#94a3b8']}]);
    const breaches = d.slaBreachesThisWeek.slice(0, 15);
    draw('sla-breaches', 'bar', breaches.map(b => b.clientName), [
      {label: TEXTS['dashboard.finishedLate'], data: breaches.map(b => b.finishedLate), backgroundColor: '#d97706'},
      {label: TEXTS['dashboard.openLate'], data: breaches.map(b => b.openLate), backgroundColor: '#b42318'}],
      Object.assign({indexAxis: 'y'}, counts('x', true)));
    draw('effort-today', 'bar', d.effortToday.map(s => s.name), [
      {label: TEXTS['dashboard.openEffort'], data: d.effortToday.map(s => s.open), backgroundColor: '#1f4e79'},
      {label: TEXTS['dashboard.doneToday'], data: d.effortToday.map(s => s.doneToday), backgroundColor: '#15803d'}], counts('y', true));
    const days = d.appointmentsThisWeek;
    draw('appointments', 'bar', days.map(a => day.format(local(a.day))), [
      {label: TEXTS['dashboard.booked'], data: days.map(a => a.booked), backgroundColor: '#1f4e79'},
      {label: TEXTS['dashboard.attended'], data: days.map(a => a.attended), backgroundColor: '#15803d'},
      {label: TEXTS['dashboard.noShows'], data: days.map(a => a.noShows), backgroundColor: '#b42318'},
      {label: TEXTS['dashboard.cancelled'], data: days.map(a => a.cancelled), backgroundColor: '#94a3b8'}], counts('y', false));
    const filed = d.documentsFiledThisWeek;
    const total = filed.automatically + filed.bySecretary;
    document.getElementById('filed-share').textContent = total === 0 ? TEXTS['dashboard.nothingFiled']
      : TEXTS['dashboard.filedShare'].replace('{0}', Math.round(100 * filed.automatically / total))
        .replace('{1}', filed.automatically).replace('{2}', total);
    draw('documents-filed', 'doughnut', [TEXTS['dashboard.filedAutomatically'], TEXTS['dashboard.filedBySecretary']],
      [{data: [filed.automatically, filed.bySecretary], backgroundColor: ['#15803d', '#1f4e79']}]);
    const awaiting = d.mailsAwaitingApproval.slice(0, 15);
    draw('awaiting-approval', 'bar', awaiting.map(a => a.clientName), [
      {label: TEXTS['dashboard.awaiting'], data: awaiting.map(a => a.awaitingClient), backgroundColor: '#d97706'},
      {label: TEXTS['dashboard.chasedBySecretary'], data: awaiting.map(a => a.withSecretary), backgroundColor: '#b42318'}],
      Object.assign({indexAxis: 'y'}, counts('x', true)));
  }

  // printed, each chart takes the paper's width rather than the screen's
  const resizeAll = () => Object.values(Chart.instances).forEach(chart => chart.resize());
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);

  fetch(DASHBOARD_URL, {headers: {Accept: 'application/json'}})
    .then(response => {
      if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
      return response.json();
    })
    .then(show)
    .catch(error => {
      document.getElementById('generated').textContent = TEXTS['dashboard.failed'] + ' ' + error.message;
    });

  // the figures a test (or a curious manager, from the console) hands in are drawn the same way
  return {show};
})();

// The incident board: open incidents by severity, their disrupted processes and the RTO and MTPD
// clocks ticking (every second, in the browser), breaches highlighted. The list is read again
// every 15 seconds, so new incidents and changes appear without reloading.
import { h, fill } from '../dom.js';
import { t, term } from '../i18n.js';
import { list } from '../api.js';
import { heading, clock, when, badge, problem, duration } from '../ui.js';

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const ENDED = new Set(['CLOSED', 'DISMISSED', 'MERGED']);

export async function board(main) {
  const live = h('div', { id: 'board' });
  main.append(heading(t('board.title')), h('p', { class: 'muted' }, t('board.intro')), live);
  async function refresh() {
    try {
      const incidents = (await list('/incidents?limit=200', 500)).filter((i) => !ENDED.has(i.status));
      fill(live, render(incidents));
    } catch (e) {
      fill(live, problem(e));
    }
  }
  await refresh();
  const timer = setInterval(refresh, 15000);
  return () => clearInterval(timer);
}

function rank(severity) {
  const i = SEVERITIES.indexOf(severity);
  return i < 0 ? SEVERITIES.length : i;
}

function render(incidents) {
  if (!incidents.length) return h('p', { class: 'empty', id: 'no-open-incidents' }, t('board.none'));
  incidents.sort((a, b) => rank(a.severity) - rank(b.severity) || String(a.disruptedAt).localeCompare(String(b.disruptedAt)));
  const groups = [];
  for (const severity of [...new Set(incidents.map((i) => i.severity))]) {
    const of = incidents.filter((i) => i.severity === severity);
    groups.push(
      h(
        'section',
        { class: `severity severity-${String(severity).toLowerCase()}`, 'aria-label': `${term(severity)} (${of.length})` },
        h('h2', {}, badge(term(severity), `sev-${String(severity).toLowerCase()}`), ` ${of.length}`),
        h('ul', { class: 'incidents' }, of.map(card)),
      ),
    );
  }
  return groups;
}

function card(incident) {
  const restored = new Set((incident.restorations || []).map((r) => r.processId));
  const processes = incident.affectedProcesses || [];
  const breached = processes.some((p) => !restored.has(p.processId) && Date.parse(p.rtoDeadline) < Date.now());
  return h(
    'li',
    { class: `incident${breached ? ' has-breach' : ''}`, dataset: { incidentId: incident.id } },
    h('h3', {}, h('a', { href: `#/incidents/${encodeURIComponent(incident.id)}` }, incident.title)),
    h(
      'p',
      { class: 'meta' },
      badge(term(incident.status), 'status'),
      ' ',
      t('board.disrupted'),
      ' ',
      when(incident.disruptedAt),
      breached ? [' ', badge(t('board.breached'), 'breach')] : null,
    ),
    processes.length
      ? h(
          'table',
          { class: 'clocks' },
          h('caption', { class: 'sr-only' }, t('board.clocksOf', { title: incident.title })),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('process')), h('th', { scope: 'col' }, 'RTO'), h('th', { scope: 'col' }, 'MTPD'))),
          h(
            'tbody',
            {},
            processes.map((p) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, p.name || p.processId),
                h('td', {}, clock(p.rtoDeadline, restored.has(p.processId)), h('span', { class: 'target' }, ' / ', duration(p.rto))),
                h('td', {}, clock(p.mtpdDeadline, restored.has(p.processId)), h('span', { class: 'target' }, ' / ', duration(p.mtpd))),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('board.noProcesses')),
  );
}

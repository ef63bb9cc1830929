// Lessons: what each closed incident taught (recovery time against the targets), evaluations,
// improvement actions and the management report.
import { h } from '../dom.js';
import { t, term } from '../i18n.js';
import { get, list, download } from '../api.js';
import { can } from '../auth.js';
import { heading, section, load, table, when, badge, duration, problem } from '../ui.js';

export async function lessons(main) {
  main.append(heading(t('lessons.title')));
  const recovery = section(t('lessons.recovery'));
  const evaluations = section(t('lessons.evaluations'));
  const actions = section(t('lessons.actions'));
  const report = section(t('lessons.report'));
  main.append(recovery, evaluations, actions, report);
  await Promise.all([
    load(recovery, async () => {
      const items = await list('/lessons/recovery-information');
      return h(
        'div',
        { id: 'recovery-information' },
        items.length
          ? items.map((r) =>
              h(
                'article',
                { class: 'lesson' },
                h('h3', {}, r.title || t('lessons.incident'), ' ', h('a', { href: `#/incidents/${encodeURIComponent(r.incidentId)}` }, t('lessons.open'))),
                h('p', { class: 'muted' }, t('incident.closed'), ' ', when(r.closedAt)),
                table(
                  t('lessons.recovery'),
                  [
                    { label: t('process'), value: (p) => p.name || p.processName || p.processId },
                    { label: t('restoration.recoveryTime'), value: (p) => duration(p.actualRecoveryTime || p.recoveryTime) },
                    { label: 'RTO', value: (p) => duration(p.rto) },
                    { label: t('lessons.verdict'), value: (p) => badge(term(p.verdict), String(p.verdict || '').includes('BREACHED') ? 'breach' : 'ok') },
                  ],
                  r.processes || [],
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('none')),
      );
    }),
    load(evaluations, async () =>
      table(
        t('lessons.evaluations'),
        [
          { label: t('lessons.incident'), value: (e) => h('a', { href: `#/incidents/${encodeURIComponent(e.incidentId)}` }, e.incidentTitle || e.incidentId.slice(0, 8)) },
          { label: t('status'), value: (e) => badge(term(e.status), e.status === 'FINAL' ? 'ok' : '') },
          { label: t('lessons.heldOn'), value: (e) => e.heldOn || '—' },
          { label: t('lessons.wentWell'), value: (e) => e.wentWell || '—' },
        ],
        await list('/lessons/evaluations?limit=100'),
      ),
    ),
    load(actions, async () =>
      table(
        t('lessons.actions'),
        [
          { label: t('task.title'), value: (a) => a.title },
          { label: t('owner'), value: (a) => a.owner || '—' },
          { label: t('lessons.due'), value: (a) => a.due || '—' },
          { label: t('status'), value: (a) => badge(term(a.status), a.overdue ? 'breach' : '') },
        ],
        await list('/lessons/improvement-actions?limit=100'),
      ),
    ),
    load(report, async () => {
      if (!can('management', 'auditor', 'bcm-manager')) return h('p', { class: 'muted' }, t('notForYourRole'));
      const year = new Date().getUTCFullYear();
      const r = await get(`/lessons/reports/period?period=${year}&format=json`);
      const total = r.total || r.summary || {};
      const message = h('div');
      return [
        h(
          'dl',
          { class: 'facts', id: 'report-figures' },
          [
            [t('lessons.period'), String(year)],
            [t('lessons.incidents'), total.incidents ?? '—'],
            [t('lessons.meanTimeToRecover'), duration(total.meanTimeToRecover)],
            [t('lessons.rtoMetShare'), total.rtoMetShare === undefined || total.rtoMetShare === null ? '—' : `${Math.round(total.rtoMetShare * 100)} %`],
          ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
        ),
        h(
          'p',
          {},
          h(
            'button',
            {
              type: 'button',
              id: 'report-pdf',
              onclick: async () => {
                try {
                  await download(`/lessons/reports/period?period=${year}&format=pdf`, `herstel-report-${year}.pdf`);
                } catch (e) {
                  message.replaceChildren(problem(e));
                }
              },
            },
            t('lessons.downloadPdf'),
          ),
        ),
        message,
      ];
    }),
  ]);
}

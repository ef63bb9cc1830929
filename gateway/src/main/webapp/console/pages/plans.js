// Plans: readiness per process, the plans, exercises and restore tests; a plan's page with its call
// tree, teams and scenario cards.
import { h } from '../dom.js';
import { t, term } from '../i18n.js';
import { get, list } from '../api.js';
import { heading, section, load, table, when, badge, duration } from '../ui.js';

const OUTCOME = { PASS: 'ok', FAIL: 'breach', UNKNOWN: '' };

export async function plans(main) {
  main.append(heading(t('plans.title')));
  const readiness = section(t('plans.readiness'));
  const planList = section(t('plans.plans'));
  const exercises = section(t('plans.exercises'));
  const restoreTests = section(t('plans.restoreTests'));
  main.append(readiness, planList, exercises, restoreTests);
  const planNames = {};
  await load(planList, async () => {
    const items = await list('/plans/plans?limit=200');
    for (const p of items) planNames[p.id] = p.name;
    return table(
      t('plans.plans'),
      [
        { label: t('name'), value: (p) => h('a', { href: `#/plans/${encodeURIComponent(p.id)}` }, p.name) },
        { label: t('status'), value: (p) => badge(term(p.status), '') },
        { label: t('plans.version'), value: (p) => p.publishedVersion ?? p.version ?? '—' },
        { label: t('plans.reviewDue'), value: (p) => [when(p.reviewDue), p.needsReview || p.reviewOverdue ? [' ', badge(t('plans.needsReview'), 'warn')] : null] },
      ],
      items,
    );
  });
  await Promise.all([
    load(readiness, async () => {
      const r = await get('/plans/readiness');
      const c = r.organisation || {};
      return [
        h('p', { id: 'readiness-counts' }, t('plans.readinessCounts', { processes: c.processes ?? 0, pass: c.pass ?? 0, fail: c.fail ?? 0, unknown: c.unknown ?? 0 })),
        table(
          t('plans.readiness'),
          [
            { label: t('process'), value: (p) => p.name || p.processId },
            { label: t('plans.outcome'), value: (p) => badge(term(p.outcome), OUTCOME[p.outcome]) },
            { label: t('plans.failing'), value: (p) => (p.failing || []).map(term).join(', ') || '—' },
          ],
          r.processes || [],
        ),
      ];
    }),
    load(exercises, async () =>
      table(
        t('plans.exercises'),
        [
          { label: t('plans.exercise'), value: (x) => x.title },
          { label: t('plan'), value: (x) => h('a', { href: `#/plans/${encodeURIComponent(x.planId)}` }, planNames[x.planId] || x.planId) },
          { label: t('plans.kind'), value: (x) => term(x.kind) },
          { label: t('plans.plannedFor'), value: (x) => when(x.plannedFor) },
          { label: t('status'), value: (x) => badge(term(x.status), '') },
        ],
        await list('/plans/exercises?limit=200'),
      ),
    ),
    load(restoreTests, async () => {
      const assets = Object.fromEntries((await list('/bia/assets').catch(() => [])).map((a) => [a.id, a.name]));
      return table(
        t('plans.restoreTests'),
        [
          { label: t('bia.asset'), value: (x) => assets[x.assetId] || x.assetId },
          { label: t('plans.startedAt'), value: (x) => when(x.startedAt) },
          { label: t('plans.took'), value: (x) => duration(x.duration) },
          { label: t('restoration.dataLoss'), value: (x) => duration(x.dataLoss) },
          { label: t('plans.result'), value: (x) => [badge(term(x.result), x.result === 'SUCCESS' ? 'ok' : ''), x.integrityVerified ? [' ', badge(t('plans.integrity'), 'ok')] : null] },
        ],
        await list('/plans/restore-tests?limit=200'),
      );
    }),
  ]);
}

export async function planPage(main, id) {
  const plan = await get(`/plans/plans/${encodeURIComponent(id)}`);
  const c = plan.content || {};
  main.append(h('p', { class: 'breadcrumb' }, h('a', { href: '#/plans' }, t('nav.plans'))), heading(c.name || plan.name || id));
  const contacts = Object.fromEntries((c.contacts || []).map((x) => [x.id, x]));
  const person = (cid) => (contacts[cid] ? `${contacts[cid].name}${contacts[cid].function ? ` (${contacts[cid].function})` : ''}` : cid);
  main.append(
    section(
      t('bia.details'),
      h(
        'dl',
        { class: 'facts' },
        [
          [t('status'), badge(term(plan.status), '')],
          [t('plans.version'), `${plan.version ?? '—'} (${t('plans.published')}: ${plan.publishedVersion ?? '—'})`],
          [t('owner'), c.owner || '—'],
          [t('plans.activationCriteria'), (c.activationCriteria || []).join('; ') || '—'],
          [t('plans.terminationCriteria'), (c.terminationCriteria || []).join('; ') || '—'],
          [t('plans.reviewDue'), when(plan.reviewDue)],
        ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
      c.description ? h('p', {}, c.description) : null,
    ),
    section(
      t('plans.callTree'),
      (c.callTree || []).length
        ? h(
            'ol',
            { class: 'call-tree', id: 'call-tree' },
            c.callTree.map((e) =>
              h(
                'li',
                {},
                h('strong', {}, person(e.contactId)),
                ' ',
                (contacts[e.contactId]?.channels || []).map((ch) => badge(`${term(ch.kind)}: ${ch.value || ch.address || ''}`, '')),
                e.escalateAfter ? h('span', { class: 'muted' }, ` ${t('plans.escalateAfter', { d: '' })}`, duration(e.escalateAfter)) : null,
                (e.calls || []).length ? h('ul', {}, e.calls.map((x) => h('li', {}, t('plans.calls'), ' ', person(x)))) : null,
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('none')),
    ),
    section(
      t('plans.teams'),
      table(
        t('plans.teams'),
        [
          { label: t('name'), value: (x) => x.name || x.id },
          { label: t('plans.members'), value: (x) => (x.members || []).map((m) => person(m.contactId || m)).join(', ') },
        ],
        c.teams || [],
      ),
    ),
    ...(c.scenarioCards || []).map((card) =>
      section(
        `${t('plans.card')}: ${card.title}`,
        h('p', {}, badge(term(card.scenario), '')),
        h(
          'ol',
          { class: 'steps' },
          (card.steps || []).map((s) =>
            h('li', {}, h('strong', {}, s.title), s.role ? ` — ${term(s.role)}` : '', s.expectedDuration ? [' (', duration(s.expectedDuration), ')'] : '', s.instructions ? h('p', {}, s.instructions) : null),
          ),
        ),
      ),
    ),
  );
}

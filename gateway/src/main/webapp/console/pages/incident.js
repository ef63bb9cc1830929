// One incident as the commander and the recovery team work it: clocks, lifecycle and closure,
// the plan, tasks, decisions (BOB), restorations, communications, notifications, evidence, costs,
// the hash chain and the timeline. The incident's live stream refreshes what changed.
import { h, fill } from '../dom.js';
import { t, term } from '../i18n.js';
import { get, post, list, follow } from '../api.js';
import { can } from '../auth.js';
import { heading, section, load, table, clock, when, badge, duration, form, announce, localInput, problem } from '../ui.js';

const COMMANDER = 'incident-commander';
const TEAM = 'recovery-team';
const READERS = [COMMANDER, TEAM, 'management', 'auditor'];
const AUDIENCES = ['INTERNAL', 'MANAGEMENT', 'CUSTOMERS', 'SUPPLIERS', 'PARTNERS', 'REGULATORS', 'AUTHORITIES', 'MEDIA'];
const CHANNELS = ['EMAIL', 'PHONE', 'SMS', 'CHAT', 'WEBSITE', 'SOCIAL_MEDIA', 'PRESS', 'MEETING', 'LETTER', 'PORTAL'];
const AUTHORITIES = ['DATA_PROTECTION_AUTHORITY', 'NCSC', 'POLICE', 'AIVD'];
const COST_KINDS = ['LEGAL', 'HARDWARE', 'SOFTWARE', 'LABOUR'];

export async function incident(main, id) {
  const base = `/incidents/${encodeURIComponent(id)}`;
  let current = await get(base);
  const header = h('div', { class: 'incident-header' });
  const liveState = h('span', { class: 'live', id: 'live-state', role: 'status' });
  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, t('nav.board'))),
    heading(current.title),
    liveState,
    header,
  );
  const open = () => !['CLOSED', 'MERGED'].includes(current.status);
  const sections = {};
  const add = (key, title) => {
    sections[key] = section(title);
    main.append(sections[key]);
    return sections[key];
  };

  add('clocks', t('incident.clocks'));
  if (can(COMMANDER) || can(...READERS, 'bcm-manager')) add('plan', t('incident.plan'));
  add('tasks', t('incident.tasks'));
  add('decisions', t('incident.decisions'));
  add('restorations', t('incident.restorations'));
  add('communications', t('incident.communications'));
  add('notifications', t('incident.notifications'));
  add('evidence', t('incident.evidence'));
  add('costs', t('incident.costs'));
  if (can(COMMANDER, 'auditor', 'management')) add('chain', t('incident.chain'));
  add('timeline', t('incident.timeline'));
  if (can(COMMANDER)) add('lifecycle', t('incident.lifecycle'));

  const forms = {};
  function formSlot(key) {
    if (!forms[key]) {
      forms[key] = h('div', { class: 'form-slot' });
      sections[key === 'closure' ? 'lifecycle' : key]?.append(forms[key]);
    }
    return forms[key];
  }

  async function refresh() {
    current = await get(base);
    renderHeader();
    if (!open()) {
      for (const key of Object.keys(forms)) {
        forms[key].remove();
        delete forms[key];
      }
    }
    const jobs = [
      load(sections.clocks, clocks),
      load(sections.tasks, tasks),
      load(sections.decisions, decisions),
      load(sections.restorations, restorations),
      load(sections.communications, communications),
      load(sections.notifications, notifications),
      load(sections.evidence, evidence),
      load(sections.costs, costs),
      load(sections.timeline, timeline),
    ];
    if (sections.plan) jobs.push(load(sections.plan, plan));
    if (sections.chain) jobs.push(load(sections.chain, chain));
    if (sections.lifecycle) jobs.push(load(sections.lifecycle, lifecycle));
    await Promise.all(jobs);
  }

  function renderHeader() {
    fill(
      header,
      h(
        'dl',
        { class: 'facts' },
        fact(t('severity'), badge(term(current.severity), `sev-${String(current.severity).toLowerCase()}`)),
        fact(t('status'), h('span', { id: 'incident-status' }, badge(term(current.status), 'status'))),
        fact(t('incident.disrupted'), when(current.disruptedAt)),
        fact(t('incident.opened'), when(current.openedAt)),
        current.closedAt ? fact(t('incident.closed'), when(current.closedAt)) : null,
        fact(t('incident.source'), `${current.source || '—'} ${current.sourceId || ''}`),
        fact(t('incident.assets'), (current.assets || []).map((a) => a.name).join(', ') || '—'),
      ),
      current.description ? h('p', {}, current.description) : null,
      current.summary ? h('p', {}, h('strong', {}, t('incident.summary')), ' ', current.summary) : null,
    );
  }

  async function clocks() {
    const deadlines = await list(`${base}/deadlines`);
    return table(
      t('incident.clocks'),
      [
        { label: t('clock.what'), value: (d) => `${term(d.kind)}: ${d.name || d.subject || ''}` },
        { label: t('clock.due'), value: (d) => when(d.dueAt) },
        { label: t('clock.remaining'), value: (d) => clock(d.dueAt, d.state === 'SETTLED') },
        { label: t('status'), value: (d) => badge(term(d.state), d.breached ? 'breach' : '') },
      ],
      deadlines,
      t('incident.noClocks'),
    );
  }

  async function plan() {
    const parts = [];
    try {
      const activated = await get(`${base}/plan`);
      parts.push(h('p', {}, t('incident.planActive', { name: activated.name || activated.planName || activated.planId || '' })));
    } catch (e) {
      if (e.status !== 404 && e.status !== 409 && e.status !== 422) parts.push(problem(e));
    }
    const proposal = await get(`${base}/plan-proposal`);
    const plans = proposal.plans || [];
    parts.push(
      table(
        t('incident.proposal'),
        [
          { label: '#', value: (p) => p.rank },
          { label: t('plan'), value: (p) => h('a', { href: `#/plans/${encodeURIComponent(p.planId)}` }, p.name) },
          { label: t('incident.cards'), value: (p) => (p.cards || []).filter((c) => c.fits).map((c) => c.title).join(', ') || '—' },
          { label: t('incident.why'), value: (p) => (p.why || []).join('; ') },
        ],
        plans,
        t('incident.noPlan'),
      ),
    );
    if (can(COMMANDER) && current.status === 'TRIAGED' && plans.length) {
      parts.push(
        form(
          [
            { name: 'planId', label: t('plan'), type: 'select', required: true, options: plans.map((p) => [p.planId, p.name]) },
            {
              name: 'scenarioCardId',
              label: t('incident.card'),
              type: 'select',
              options: [['', '—'], ...plans.flatMap((p) => (p.cards || []).map((c) => [c.scenarioCardId, `${p.name}: ${c.title}`]))],
            },
            { name: 'reason', label: t('reason'), type: 'textarea', required: true },
          ],
          t('incident.activate'),
          async (v) => {
            await post(`${base}/activation`, { planId: v.planId, scenarioCardId: v.scenarioCardId || undefined, reason: v.reason });
            announce(t('saved'));
            await refresh();
          },
        ),
      );
    }
    return parts;
  }

  async function tasks() {
    const items = await list(`${base}/tasks`);
    const mayWork = can(COMMANDER, TEAM) && open();
    const rows = table(
      t('incident.tasks'),
      [
        { label: t('task.title'), value: (x) => x.title },
        { label: t('task.assignee'), value: (x) => x.assignee || (x.assigneeRole ? term(x.assigneeRole) : '—') },
        { label: t('status'), value: (x) => badge(term(x.status), String(x.status).toLowerCase()) },
        ...(mayWork ? [{ label: t('task.change'), value: (x) => taskControls(x) }] : []),
      ],
      items,
      t('incident.noTasks'),
    );
    if (mayWork) {
      fill(
        formSlot('tasks'),
        h('h3', {}, t('task.add')),
        form(
          [
            { name: 'title', label: t('task.title'), required: true },
            { name: 'assignee', label: t('task.assignee') },
          ],
          t('task.add'),
          async (v) => {
            await post(`${base}/tasks`, { title: v.title, assignee: v.assignee || undefined });
            announce(t('saved'));
            await load(sections.tasks, tasks);
          },
        ),
      );
    }
    return rows;
  }

  function taskControls(task) {
    const select = h(
      'select',
      { 'aria-label': t('task.statusOf', { title: task.title }) },
      ['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE'].map((s) => h('option', { value: s, selected: s === task.status }, term(s))),
    );
    const assignee = h('input', { type: 'text', 'aria-label': t('task.assigneeOf', { title: task.title }), value: task.assignee || '', size: 10 });
    const message = h('span', { class: 'field-error' });
    const save = async () => {
      fill(message);
      try {
        if (select.value !== task.status) await post(`${base}/tasks/${task.taskId}/status`, { status: select.value });
        if (assignee.value.trim() && assignee.value.trim() !== (task.assignee || '')) {
          await post(`${base}/tasks/${task.taskId}/assignment`, { assignee: assignee.value.trim() });
        }
        announce(t('saved'));
        await load(sections.tasks, tasks);
      } catch (e) {
        fill(message, e.detail || e.title || String(e));
      }
    };
    return h('span', { class: 'inline' }, select, assignee, h('button', { type: 'button', onclick: save }, t('save')), message);
  }

  async function decisions() {
    const items = current.decisions || [];
    const rendered = items.length
      ? h(
          'ol',
          { class: 'decisions' },
          items.map((d) =>
            h(
              'li',
              {},
              h('p', {}, h('strong', {}, d.decision?.what), ' — ', d.decision?.rationale),
              h('p', { class: 'muted' }, t('decision.by', { by: d.by || '', mandate: d.decision?.mandate || '' }), ' ', when(d.at)),
              h(
                'dl',
                { class: 'bob' },
                fact(t('decision.known'), (d.picture?.known || []).join('; ')),
                fact(t('decision.unknown'), (d.picture?.unknown || []).join('; ') || '—'),
                fact(t('decision.options'), (d.judgement?.options || []).join('; ')),
                fact(t('decision.risks'), (d.judgement?.risks || []).join('; ') || '—'),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('incident.noDecisions'));
    if (can(COMMANDER) && open() && !forms.decisions) {
      fill(
        formSlot('decisions'),
        h('h3', {}, t('decision.record')),
        h('p', { class: 'hint' }, t('decision.bob')),
        form(
          [
            { name: 'known', label: t('decision.known'), type: 'lines', required: true, hint: t('onePerLine') },
            { name: 'unknown', label: t('decision.unknown'), type: 'lines', hint: t('onePerLine') },
            { name: 'options', label: t('decision.options'), type: 'lines', required: true, hint: t('onePerLine') },
            { name: 'risks', label: t('decision.risks'), type: 'lines', hint: t('onePerLine') },
            { name: 'what', label: t('decision.what'), required: true },
            { name: 'rationale', label: t('decision.rationale'), type: 'textarea', required: true },
            { name: 'mandate', label: t('decision.mandate'), required: true },
          ],
          t('decision.record'),
          async (v) => {
            await post(`${base}/decisions`, {
              picture: { known: v.known, unknown: v.unknown },
              judgement: { options: v.options, risks: v.risks },
              decision: { what: v.what, rationale: v.rationale, mandate: v.mandate },
            });
            announce(t('saved'));
            await refresh();
          },
          { fieldMap: (field) => ({ 'picture.known': 'known', 'picture.unknown': 'unknown', 'judgement.options': 'options', 'judgement.risks': 'risks', 'decision.what': 'what', 'decision.rationale': 'rationale', 'decision.mandate': 'mandate' })[String(field).replace(/\[\d+\]$/, '')] },
        ),
      );
    }
    return rendered;
  }

  async function restorations() {
    const items = await list(`${base}/restorations`);
    const names = Object.fromEntries((current.affectedProcesses || []).map((p) => [p.processId, p.name]));
    const rendered = table(
      t('incident.restorations'),
      [
        { label: t('process'), value: (r) => names[r.processId] || r.processId },
        { label: t('restoration.restoredAt'), value: (r) => when(r.restoredAt) },
        { label: t('restoration.recoveryTime'), value: (r) => [duration(r.recoveryTime), ' ', r.rtoMet === false ? badge(t('restoration.rtoMissed'), 'breach') : r.rtoMet ? badge(t('restoration.rtoMet'), 'ok') : null] },
        { label: t('restoration.dataLoss'), value: (r) => duration(r.dataLoss) },
      ],
      items,
      t('none'),
    );
    if (can(COMMANDER, TEAM) && open() && (current.affectedProcesses || []).length && !forms.restorations) {
      const now = localInput(new Date());
      fill(
        formSlot('restorations'),
        h('h3', {}, t('restoration.record')),
        form(
          [
            { name: 'processId', label: t('process'), type: 'select', required: true, options: current.affectedProcesses.map((p) => [p.processId, p.name || p.processId]) },
            { name: 'restoredAt', label: t('restoration.restoredAt'), type: 'datetime', required: true, value: now },
            { name: 'dataRestoredTo', label: t('restoration.dataRestoredTo'), type: 'datetime', required: true, value: now, hint: t('restoration.dataHint') },
          ],
          t('restoration.record'),
          async (v) => {
            await post(`${base}/restorations`, v);
            announce(t('saved'));
            await refresh();
          },
          { reset: false },
        ),
      );
    }
    return rendered;
  }

  async function communications() {
    const items = await list(`${base}/communications`);
    const rendered = table(
      t('incident.communications'),
      [
        { label: t('comm.sentAt'), value: (c) => when(c.sentAt) },
        { label: t('comm.audience'), value: (c) => term(c.audience) },
        { label: t('comm.channel'), value: (c) => [term(c.channel), c.outOfBand ? [' ', badge(t('comm.outOfBand'), '')] : null] },
        { label: t('comm.message'), value: (c) => c.message },
      ],
      items,
    );
    if (can(COMMANDER) && open() && !forms.communications) {
      fill(
        formSlot('communications'),
        h('h3', {}, t('comm.log')),
        form(
          [
            { name: 'audience', label: t('comm.audience'), type: 'select', required: true, options: AUDIENCES.map((a) => [a, term(a)]) },
            { name: 'channel', label: t('comm.channel'), type: 'select', required: true, options: CHANNELS.map((c) => [c, term(c)]) },
            { name: 'outOfBand', label: t('comm.outOfBandLong'), type: 'checkbox' },
            { name: 'sentAt', label: t('comm.sentAt'), type: 'datetime', required: true, value: localInput(new Date()) },
            { name: 'message', label: t('comm.message'), type: 'textarea', required: true },
          ],
          t('comm.log'),
          async (v) => {
            await post(`${base}/communications`, v);
            announce(t('saved'));
            await refresh();
          },
          { label: t('comm.log') },
        ),
      );
    }
    return rendered;
  }

  async function notifications() {
    const items = await list(`${base}/notifications`);
    const mayNotify = can(COMMANDER) && open();
    const rendered = table(
      t('incident.notifications'),
      [
        { label: t('notification.authority'), value: (n) => term(n.authority) },
        { label: t('clock.due'), value: (n) => when(n.dueAt) },
        { label: t('clock.remaining'), value: (n) => clock(n.dueAt, String(n.status).startsWith('SUBMITTED')) },
        { label: t('status'), value: (n) => [badge(term(n.status), n.status === 'OVERDUE' ? 'breach' : ''), n.reference ? ` ${n.reference}` : null] },
        ...(mayNotify ? [{ label: t('notification.submission'), value: (n) => (String(n.status).startsWith('SUBMITTED') ? '—' : submission(n)) }] : []),
      ],
      items,
    );
    if (mayNotify && !forms.notifications) {
      fill(
        formSlot('notifications'),
        h('h3', {}, t('notification.register')),
        form(
          [
            { name: 'authority', label: t('notification.authority'), type: 'select', required: true, options: AUTHORITIES.map((a) => [a, term(a)]) },
            { name: 'legalBasis', label: t('notification.legalBasis'), hint: t('notification.legalBasisHint') },
            { name: 'dueAt', label: t('clock.due'), type: 'datetime', hint: t('notification.dueHint') },
          ],
          t('notification.register'),
          async (v) => {
            await post(`${base}/notifications`, { authority: v.authority, legalBasis: v.legalBasis || undefined, dueAt: v.dueAt || undefined });
            announce(t('saved'));
            await refresh();
          },
          { label: t('notification.register') },
        ),
      );
    }
    return rendered;
  }

  /** The authority's reference and a button: records that the notification went out now. */
  function submission(n) {
    const reference = h('input', { type: 'text', size: 12, 'aria-label': t('notification.referenceOf', { authority: term(n.authority) }) });
    const message = h('span', { class: 'field-error', role: 'alert' });
    return h(
      'form',
      {
        class: 'inline',
        onsubmit: async (event) => {
          event.preventDefault();
          if (!reference.value.trim()) {
            message.textContent = t('required');
            reference.setAttribute('aria-invalid', 'true');
            return;
          }
          try {
            await post(`${base}/notifications/${encodeURIComponent(n.obligationId)}/submission`, { reference: reference.value.trim() });
            announce(t('saved'));
            await refresh();
          } catch (e) {
            fill(message, problem(e));
          }
        },
      },
      reference,
      ' ',
      h('button', { type: 'submit' }, t('notification.submitted')),
      message,
    );
  }

  async function evidence() {
    const items = await list(`${base}/evidence`);
    const rendered = table(
      t('incident.evidence'),
      [
        { label: t('evidence.description'), value: (e) => e.description },
        { label: t('evidence.custodian'), value: (e) => e.custodian },
        { label: t('evidence.location'), value: (e) => e.storageLocation },
        { label: t('evidence.integrity'), value: (e) => badge(term(e.integrity), e.integrity === 'MISMATCH' ? 'breach' : 'ok') },
      ],
      items,
    );
    if (can(COMMANDER, TEAM) && open() && !forms.evidence) {
      fill(
        formSlot('evidence'),
        h('h3', {}, t('evidence.register')),
        form(
          [
            { name: 'description', label: t('evidence.description'), type: 'textarea', required: true },
            { name: 'sha256', label: 'SHA-256', required: true, hint: t('evidence.sha256Hint') },
            { name: 'collectedBy', label: t('evidence.collectedBy'), required: true },
            { name: 'collectedAt', label: t('evidence.collectedAt'), type: 'datetime', required: true, value: localInput(new Date()) },
            { name: 'storageLocation', label: t('evidence.location'), required: true },
          ],
          t('evidence.register'),
          async (v) => {
            await post(`${base}/evidence`, v);
            announce(t('saved'));
            await refresh();
          },
          { label: t('evidence.register') },
        ),
      );
    }
    return rendered;
  }

  async function costs() {
    costForm();
    const report = await get(`${base}/costs`);
    const items = Array.isArray(report) ? report : report.costs || report.items || [];
    return [
      table(
        t('incident.costs'),
        [
          { label: t('cost.kind'), value: (c) => term(c.kind) },
          { label: t('cost.amount'), value: (c) => money(c.amount, c.currency) },
          { label: t('cost.description'), value: (c) => c.description },
          { label: t('cost.incurredAt'), value: (c) => when(c.incurredAt) },
        ],
        items,
      ),
      (report.totals || []).length ? h('p', {}, h('strong', {}, t('cost.total')), ' ', report.totals.map((x) => money(x.amount, x.currency)).join(', ')) : null,
    ];
  }

  function costForm() {
    if (!can(COMMANDER) || !open() || forms.costs) return;
    fill(
      formSlot('costs'),
      h('h3', {}, t('cost.record')),
      form(
        [
          { name: 'kind', label: t('cost.kind'), type: 'select', required: true, options: COST_KINDS.map((k) => [k, term(k)]) },
          { name: 'amount', label: t('cost.amount'), type: 'number', required: true, step: '0.01' },
          { name: 'currency', label: t('cost.currency'), value: 'EUR', required: true },
          { name: 'description', label: t('cost.description'), required: true },
          { name: 'incurredAt', label: t('cost.incurredAt'), type: 'datetime', required: true, value: localInput(new Date()) },
        ],
        t('cost.record'),
        async (v) => {
          await post(`${base}/costs`, { ...v, currency: v.currency.toUpperCase() });
          announce(t('saved'));
          await load(sections.costs, costs);
        },
        { label: t('cost.record') },
      ),
    );
  }

  async function chain() {
    const v = await get(`${base}/history/verification`);
    return h(
      'p',
      { id: 'chain-status' },
      v.intact ? badge(t('chain.intact'), 'ok') : badge(t('chain.broken'), 'breach'),
      ' ',
      t('chain.checked', { n: v.eventsChecked ?? v.events ?? '?' }),
    );
  }

  async function timeline() {
    const items = await list(`${base}/timeline`);
    return h(
      'ol',
      { class: 'timeline', id: 'timeline' },
      items.map((e) => h('li', {}, when(e.at), ' ', h('span', {}, e.summary || e.type), e.by ? h('span', { class: 'muted' }, ` — ${e.by}`) : null)),
    );
  }

  async function lifecycle() {
    if (!open()) return h('p', { class: 'muted' }, t('incident.isClosed'));
    const next = {
      REPORTED: ['TRIAGED', 'DISMISSED'],
      TRIAGED: ['PLAN_ACTIVATED', 'RECOVERING', 'DISMISSED'],
      PLAN_ACTIVATED: ['RECOVERING', 'DISMISSED'],
      RECOVERING: ['RECOVERED'],
      RECOVERED: ['RECOVERING'],
      DISMISSED: ['TRIAGED'],
    }[current.status] || [];
    // The forms stay while the page refreshes (typing is not lost); the moves follow the state.
    if (forms.lifecycle?.dataset.status !== current.status) {
      fill(
        formSlot('lifecycle'),
        next.length
          ? [
              h('h3', {}, t('lifecycle.move')),
              form(
                [
                  { name: 'to', label: t('lifecycle.to'), type: 'select', required: true, options: next.map((x) => [x, term(x)]) },
                  { name: 'reason', label: t('reason'), type: 'textarea', required: true },
                ],
                t('lifecycle.move'),
                async (v) => {
                  await post(`${base}/transitions`, v);
                  announce(t('saved'));
                  await refresh();
                },
              ),
            ]
          : null,
      );
      forms.lifecycle.dataset.status = current.status;
    }
    if (!forms.closure) {
      fill(
        formSlot('closure'),
        h('h3', {}, t('lifecycle.close')),
        form(
          [{ name: 'summary', label: t('incident.summary'), type: 'textarea', required: true }],
          t('lifecycle.close'),
          async (v) => {
            await post(`${base}/closure`, { restorations: [], summary: v.summary });
            announce(t('saved'));
            await refresh();
          },
          { label: t('lifecycle.close') },
        ),
      );
    }
    const recorded = await list(`${base}/restorations`);
    return h('p', { class: 'hint' }, recorded.length ? t('lifecycle.closeWithRecorded') : t('lifecycle.closeHint'));
  }

  await refresh();
  let pending = null;
  const stop = follow(
    `${base}/stream`,
    (event) => {
      if (event.name === 'subscribed') return;
      clearTimeout(pending);
      pending = setTimeout(async () => {
        await refresh().catch(() => {});
        announce(t('incident.updated'));
      }, 400);
    },
    (state) => fill(liveState, state === 'live' ? badge(t('live.on'), 'ok') : state === 'reconnecting' ? badge(t('live.reconnecting'), '') : null),
  );
  return () => {
    stop();
    clearTimeout(pending);
  };
}

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

function money(amount, currency) {
  try {
    return new Intl.NumberFormat(document.documentElement.lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: currency || 'EUR' }).format(amount);
  } catch {
    return `${amount} ${currency || ''}`;
  }
}


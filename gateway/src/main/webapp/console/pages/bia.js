// The Business Impact Analysis: processes and assets with their targets, the dependency graph,
// what fails when an asset fails, single points of failure and the revisions waiting for a decision.
import { h, fill } from '../dom.js';
import { t, term } from '../i18n.js';
import { get, post, put, list, settled } from '../api.js';
import { can } from '../auth.js';
import { heading, section, load, table, when, badge, duration, form, announce } from '../ui.js';

const BCM = 'bcm-manager';
const OWNER = 'process-owner';
const ASSET_KINDS = ['SOFTWARE', 'HARDWARE', 'DATA', 'PEOPLE', 'SUPPLIER', 'FACILITY'];

/** "8h", "4h30m", "2d", "90m" or ISO-8601 ("PT8H") to ISO-8601; anything else is left for the API to refuse. */
export function isoDuration(text) {
  const value = String(text || '').trim();
  if (!value || /^-?P/i.test(value)) return value.toUpperCase();
  const m = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*[hu])?\s*(?:(\d+)\s*m(?:in)?)?$/i.exec(value);
  if (!m || (!m[1] && !m[2] && !m[3])) return value;
  const [, d, hh, mm] = m;
  let iso = 'P';
  if (d) iso += `${d}D`;
  if (hh || mm) iso += 'T';
  if (hh) iso += `${hh}H`;
  if (mm) iso += `${mm}M`;
  return iso;
}

const durationField = (name, label, required) => ({ name, label, required, hint: t('bia.durationHint') });

export async function bia(main) {
  main.append(heading(t('bia.title')));
  const processes = section(t('bia.processes'));
  const assets = section(t('bia.assets'));
  const graph = section(t('bia.graph'));
  const spof = section(t('bia.spof'));
  const revisions = section(t('bia.revisions'));
  main.append(processes, assets, graph, spof, revisions);

  let assetList = [];
  // Assets registered on this page: their names resolve even when the list does not reach them.
  const registered = new Map();
  // The asset the graph centres on (the one just registered, or chosen), or null for the whole BIA.
  let focus = null;
  const showGraph = () =>
    load(graph, () =>
      renderGraph(focus, (id) => {
        focus = id;
        return showGraph();
      }),
    );
  async function reload() {
    assetList = await list('/bia/assets');
    await Promise.all([
      load(processes, renderProcesses),
      load(assets, async () => renderAssets(assetList)),
      showGraph(),
      load(spof, renderSpof),
      load(revisions, renderRevisions),
    ]);
  }

  async function renderProcesses() {
    const items = await list('/bia/processes');
    return table(
      t('bia.processes'),
      [
        { label: t('name'), value: (p) => h('a', { href: `#/bia/processes/${encodeURIComponent(p.id)}` }, p.name) },
        { label: t('bia.critical'), value: (p) => [p.critical ? badge(t('bia.critical'), 'warn') : null, p.crownJewel ? badge(t('bia.crownJewel'), 'jewel') : null] },
        { label: 'RTO', value: (p) => duration(p.rto) },
        { label: 'MTPD', value: (p) => duration(p.mtpd) },
        { label: 'RPO', value: (p) => duration(p.rpo) },
        { label: t('owner'), value: (p) => p.owner || '—' },
      ],
      items.filter((p) => p.status !== 'RETIRED'),
    );
  }

  if (can(BCM)) {
    processes.append(
      h('h3', {}, t('bia.newProcess')),
      form(
        [
          { name: 'name', label: t('name'), required: true },
          { name: 'description', label: t('description'), type: 'textarea' },
          { name: 'owner', label: t('owner') },
          { name: 'critical', label: t('bia.critical'), type: 'checkbox' },
          { name: 'crownJewel', label: t('bia.crownJewel'), type: 'checkbox' },
          durationField('mtpd', 'MTPD', true),
          durationField('rto', 'RTO', true),
          durationField('rpo', 'RPO', false),
          { name: 'supportedBy', label: t('bia.supportedBy'), type: 'lines', hint: t('bia.supportedByHint') },
        ],
        t('bia.registerProcess'),
        async (v) => {
          const byName = Object.fromEntries([...assetList.map((a) => [a.name.toLowerCase(), a.id]), ...registered]);
          const created = await post('/bia/processes', {
            name: v.name,
            description: v.description || undefined,
            owner: v.owner || undefined,
            critical: v.critical,
            crownJewel: v.crownJewel,
            mtpd: isoDuration(v.mtpd),
            rto: isoDuration(v.rto),
            rpo: v.rpo ? isoDuration(v.rpo) : undefined,
            supportedBy: v.supportedBy.map((n) => byName[n.toLowerCase()] || n),
          });
          await settled(`/bia/processes/${encodeURIComponent(created.id)}`);
          announce(t('saved'));
          await reload();
        },
        { label: t('bia.newProcess') },
      ),
    );
    assets.append(
      h('h3', {}, t('bia.newAsset')),
      form(
        [
          { name: 'name', label: t('name'), required: true },
          { name: 'kind', label: t('bia.kind'), type: 'select', required: true, options: ASSET_KINDS.map((k) => [k, term(k)]) },
          { name: 'description', label: t('description'), type: 'textarea' },
          { name: 'owner', label: t('owner') },
        ],
        t('bia.registerAsset'),
        async (v) => {
          const created = await post('/bia/assets', { name: v.name, kind: v.kind, description: v.description || undefined, owner: v.owner || undefined });
          await settled(`/bia/assets/${encodeURIComponent(created.id)}`);
          registered.set(v.name.toLowerCase(), created.id);
          focus = created.id;
          announce(t('saved'));
          await reload();
        },
        { label: t('bia.newAsset') },
      ),
    );
  }

  async function renderSpof() {
    const items = await list('/bia/single-points-of-failure?limit=100');
    return table(
      t('bia.spof'),
      [
        { label: t('bia.asset'), value: (s) => h('a', { href: `#/bia/assets/${encodeURIComponent(s.assetId)}` }, s.name) },
        { label: t('bia.kind'), value: (s) => term(s.kind) },
        { label: t('bia.criticalProcesses'), value: (s) => (s.criticalProcesses || []).map((p) => p.name).join(', ') },
      ],
      items,
      t('bia.noSpof'),
    );
  }

  async function renderRevisions() {
    const items = await list('/bia/revisions?status=PENDING');
    const processes = Object.fromEntries((await list('/bia/processes')).map((p) => [p.id, p.name]));
    return table(
      t('bia.revisions'),
      [
        { label: t('process'), value: (r) => h('a', { href: `#/bia/processes/${encodeURIComponent(r.processId)}` }, processes[r.processId] || r.processId) },
        { label: t('revision.current'), value: (r) => duration(r.currentRto) },
        { label: t('revision.actual'), value: (r) => duration(r.actualRecoveryTime) },
        { label: t('revision.proposed'), value: (r) => duration(r.proposedRto) },
        { label: t('revision.rationale'), value: (r) => r.rationale },
        { label: t('revision.decide'), value: (r) => (can(BCM, OWNER) ? decide(r, reload) : '—') },
      ],
      items,
      t('bia.noRevisions'),
    );
  }

  await reload();
}

function decide(revision, reload) {
  const reason = h('input', { type: 'text', 'aria-label': t('revision.reasonFor', { id: revision.id.slice(0, 8) }), placeholder: t('reason') });
  const message = h('span', { class: 'field-error' });
  const send = (decision) => async () => {
    fill(message);
    if (!reason.value.trim()) {
      fill(message, t('revision.needsReason'));
      reason.focus();
      return;
    }
    try {
      await post(`/bia/revisions/${revision.id}/decision`, { decision, reason: reason.value.trim() });
      announce(t('saved'));
      await reload();
    } catch (e) {
      fill(message, e.detail || e.title);
    }
  };
  return h(
    'span',
    { class: 'inline' },
    reason,
    h('button', { type: 'button', onclick: send('ACCEPT') }, t('revision.accept')),
    h('button', { type: 'button', onclick: send('REJECT') }, t('revision.reject')),
    message,
  );
}

/** The most boxes the graph draws at once; a larger BIA is shown around one asset at a time. */
const GRAPH_LIMIT = 150;

/**
 * The dependency graph as an SVG: the whole BIA while it fits on a screen; else (or once an asset is
 * chosen or registered) the part around one asset: the processes its failure disrupts, along their
 * dependency paths. {@code choose(id)} centres it on another asset (null: the whole BIA).
 */
async function renderGraph(focus, choose) {
  if (focus) return graphAround(focus, choose);
  const [processes, assets, dependencies, spofs] = await Promise.all([
    list('/bia/processes', GRAPH_LIMIT + 1),
    list('/bia/assets', GRAPH_LIMIT + 1),
    list('/bia/dependencies'),
    list('/bia/single-points-of-failure?limit=1000'),
  ]);
  const live = processes.filter((x) => x.status !== 'RETIRED');
  const liveAssets = assets.filter((x) => x.status !== 'RETIRED');
  if (processes.length + assets.length > GRAPH_LIMIT) return graphChooser(liveAssets, choose, t('bia.graphTooBig', { limit: GRAPH_LIMIT }));
  const nodes = new Map();
  for (const p of live) nodes.set(p.id, { id: p.id, name: p.name, kind: 'process', critical: p.critical, href: `#/bia/processes/${encodeURIComponent(p.id)}` });
  for (const a of liveAssets) nodes.set(a.id, { id: a.id, name: a.name, kind: 'asset', assetKind: a.kind, href: `#/bia/assets/${encodeURIComponent(a.id)}` });
  const edges = new Map();
  for (const d of dependencies) edges.set(`${d.fromId}>${d.toId}`, { from: d.fromId, to: d.toId, alternative: Boolean(d.alternativeGroup) });
  for (const p of processes) for (const a of p.supportedBy || []) if (!edges.has(`${p.id}>${a}`)) edges.set(`${p.id}>${a}`, { from: p.id, to: a });
  const links = [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to));
  if (!nodes.size) return h('p', { class: 'muted' }, t('none'));
  return [
    h('p', { class: 'hint' }, t('bia.graphHint')),
    drawGraph(nodes, links, new Set(spofs.map((s) => s.assetId))),
    liveAssets.length ? graphChooser(liveAssets, choose) : null,
  ];
}

/** The graph around one asset: it, and every process its failure disrupts along the path there. */
async function graphAround(assetId, choose) {
  const path = `/bia/assets/${encodeURIComponent(assetId)}`;
  const [asset, impact, spofs] = await Promise.all([get(path), get(`${path}/impact?limit=100`), list('/bia/single-points-of-failure?limit=1000')]);
  const nodes = new Map([[asset.id, { id: asset.id, name: asset.name, kind: 'asset', assetKind: asset.kind, href: `#/bia/assets/${encodeURIComponent(asset.id)}` }]]);
  const edges = new Map();
  for (const hit of impact.processesHit || []) {
    const steps = hit.path || [];
    steps.forEach((n, i) => {
      if (!nodes.has(n.id)) {
        const process = n.kind === 'PROCESS';
        nodes.set(n.id, { id: n.id, name: n.name, kind: process ? 'process' : 'asset', assetKind: n.assetKind, critical: process && n.id === hit.processId && hit.critical, href: `#/bia/${process ? 'processes' : 'assets'}/${encodeURIComponent(n.id)}` });
      }
      if (i > 0) edges.set(`${steps[i - 1].id}>${n.id}`, { from: steps[i - 1].id, to: n.id });
    });
  }
  return [
    h('p', { class: 'hint', id: 'graph-focus' }, t('bia.graphAround', { name: asset.name, total: impact.totalHit ?? 0 })),
    drawGraph(nodes, [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)), new Set(spofs.map((s) => s.assetId))),
    h('p', {}, h('button', { type: 'button', id: 'graph-whole', onclick: () => choose(null) }, t('bia.graphWhole'))),
  ];
}

/** A field to centre the graph on one asset, by name. */
function graphChooser(assets, choose, why) {
  const byName = new Map(assets.map((a) => [a.name.toLowerCase(), a.id]));
  const input = h('input', { id: 'graph-asset', name: 'asset', list: 'graph-assets', autocomplete: 'off', required: true });
  const error = h('p', { class: 'error', id: 'graph-asset-error', role: 'alert' });
  return h(
    'form',
    {
      class: 'graph-chooser',
      'aria-label': t('bia.graphFocus'),
      onsubmit: async (event) => {
        event.preventDefault();
        const name = input.value.trim().toLowerCase();
        // beyond the names offered: look further through the list
        const id = byName.get(name) || (await list('/bia/assets', 10000)).find((a) => a.name.toLowerCase() === name)?.id;
        if (id) return choose(id);
        error.textContent = t('bia.graphUnknown', { name: input.value });
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        return null;
      },
    },
    why ? h('p', { class: 'hint' }, why) : null,
    h('label', { for: input.id }, t('bia.graphFocus')),
    ' ',
    input,
    h('datalist', { id: 'graph-assets' }, assets.map((a) => h('option', { value: a.name }))),
    ' ',
    h('button', { type: 'submit' }, t('bia.graphShow')),
    error,
  );
}

/** Draws nodes (processes left, what they depend on in layers to the right) and their links. */
function drawGraph(nodes, links, spof) {
  // Layers: processes 0; everything else one right of its deepest dependant (cycles stop growing).
  const layer = new Map([...nodes.values()].map((n) => [n.id, n.kind === 'process' ? 0 : 1]));
  for (let round = 0; round < nodes.size; round += 1) {
    let changed = false;
    for (const e of links) {
      const want = Math.min(layer.get(e.from) + 1, 8);
      if (nodes.get(e.to).kind === 'asset' && layer.get(e.to) < want) {
        layer.set(e.to, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const columns = [];
  for (const n of nodes.values()) (columns[layer.get(n.id)] ||= []).push(n);
  const W = 190;
  const H = 34;
  const GX = 70;
  const GY = 14;
  const pos = new Map();
  columns.forEach((col, x) => (col || []).sort((a, b) => a.name.localeCompare(b.name)).forEach((n, y) => pos.set(n.id, { x: 10 + x * (W + GX), y: 10 + y * (H + GY) })));
  const width = 20 + columns.length * (W + GX) - GX;
  // A layer may be empty (assets but no process yet): Array.from fills the holes map() skips.
  const height = 20 + Math.max(1, ...Array.from(columns, (c) => (c || []).length)) * (H + GY) - GY;
  const svg = h(
    'svg',
    { class: 'graph', id: 'dependency-graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': t('bia.graphLabel') },
    h('defs', {}, h('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, h('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))),
    links.map((e) => {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      const x1 = a.x + W;
      const y1 = a.y + H / 2;
      const x2 = b.x;
      const y2 = b.y + H / 2;
      const back = x2 <= x1;
      const d = back ? `M ${x1} ${y1} C ${x1 + 40} ${y1 - 60}, ${x2 - 40} ${y2 - 60}, ${x2} ${y2}` : `M ${x1} ${y1} C ${x1 + GX / 2} ${y1}, ${x2 - GX / 2} ${y2}, ${x2} ${y2}`;
      return h('path', { d, class: `edge${e.alternative ? ' alternative' : ''}`, 'marker-end': 'url(#arrow)' });
    }),
    [...nodes.values()].map((n) => {
      const p = pos.get(n.id);
      const label = n.name.length > 24 ? `${n.name.slice(0, 23)}…` : n.name;
      const kind = n.kind === 'process' ? t('process') : term(n.assetKind);
      return h(
        'svg:a',
        { href: n.href, class: `node ${n.kind}${spof.has(n.id) ? ' spof' : ''}${n.critical ? ' critical' : ''}`, 'aria-label': `${n.name} (${kind}${spof.has(n.id) ? `, ${t('bia.spofShort')}` : ''})` },
        h('title', {}, `${n.name} — ${kind}`),
        h('rect', { x: p.x, y: p.y, width: W, height: H, rx: 6 }),
        h('text', { x: p.x + 10, y: p.y + H / 2 + 5 }, label),
      );
    }),
  );
  return [
    h('ul', { class: 'legend' }, h('li', { class: 'l-process' }, t('process')), h('li', { class: 'l-asset' }, t('bia.asset')), h('li', { class: 'l-spof' }, t('bia.spofShort')), h('li', { class: 'l-alt' }, t('bia.alternative'))),
    h('div', { class: 'graph-wrap' }, svg),
  ];
}

export async function processPage(main, id) {
  const path = `/bia/processes/${encodeURIComponent(id)}`;
  const { value: p, etag } = await get(path, { withEtag: true });
  main.append(h('p', { class: 'breadcrumb' }, h('a', { href: '#/bia' }, t('nav.bia'))), heading(p.name));
  const assets = Object.fromEntries((await list('/bia/assets')).map((a) => [a.id, a]));
  main.append(
    section(
      t('bia.details'),
      h(
        'dl',
        { class: 'facts' },
        [
        [t('description'), p.description || '—'],
        [t('owner'), p.owner || '—'],
        ['RTO', duration(p.rto)],
        ['MTPD', duration(p.mtpd)],
        ['RPO', duration(p.rpo)],
        [t('bia.critical'), p.critical ? t('yes') : t('no')],
        [t('bia.crownJewel'), p.crownJewel ? t('yes') : t('no')],
      ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
    ),
    section(
      t('bia.supportedBy'),
      h('ul', {}, (p.supportedBy || []).map((a) => h('li', {}, h('a', { href: `#/bia/assets/${encodeURIComponent(a)}` }, assets[a]?.name || a)))),
    ),
  );
  if (can(BCM, OWNER)) {
    main.append(
      section(
        t('bia.changeTargets'),
        form(
          [
            { ...durationField('mtpd', 'MTPD', true), value: p.mtpd },
            { ...durationField('rto', 'RTO', true), value: p.rto },
            { ...durationField('rpo', 'RPO', false), value: p.rpo || '' },
            { name: 'reason', label: t('reason'), type: 'textarea', required: true },
          ],
          t('save'),
          async (v) => {
            await put(`${path}/targets`, { mtpd: isoDuration(v.mtpd), rto: isoDuration(v.rto), rpo: v.rpo ? isoDuration(v.rpo) : undefined, reason: v.reason }, { ifMatch: etag || undefined });
            announce(t('saved'));
            location.hash = `#/bia/processes/${encodeURIComponent(id)}`;
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          },
          { reset: false },
        ),
      ),
    );
  }
  const history = section(t('bia.targetHistory'));
  main.append(history);
  load(history, async () =>
    table(
      t('bia.targetHistory'),
      [
        { label: t('when'), value: (x) => when(x.at || x.changedAt) },
        { label: 'RTO', value: (x) => duration(x.rto) },
        { label: 'MTPD', value: (x) => duration(x.mtpd) },
        { label: t('revision.source'), value: (x) => term(x.source) },
        { label: t('reason'), value: (x) => x.reason || '—' },
        { label: t('by'), value: (x) => x.by || x.changedBy || '—' },
      ],
      await list(`${path}/targets/history`),
    ),
  );
}

export async function assetPage(main, id) {
  const path = `/bia/assets/${encodeURIComponent(id)}`;
  const a = await get(path);
  main.append(h('p', { class: 'breadcrumb' }, h('a', { href: '#/bia' }, t('nav.bia'))), heading(a.name));
  main.append(
    section(
      t('bia.details'),
      h(
        'dl',
        { class: 'facts' },
        [
          [t('bia.kind'), term(a.kind)],
          [t('description'), a.description || '—'],
          [t('owner'), a.owner || '—'],
          [t('bia.identifiers'), (a.identifiers || []).map((i) => `${term(i.kind)}: ${i.value}`).join(', ') || '—'],
        ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
    ),
  );
  const impact = section(t('bia.whatIf'));
  main.append(impact);
  await load(impact, async () => {
    const v = await get(`${path}/impact?limit=100`);
    return [
      h('p', { id: 'impact-summary' }, t('bia.impactSummary', { total: v.totalHit, critical: v.criticalHit })),
      table(
        t('bia.whatIf'),
        [
          { label: t('process'), value: (p) => [h('a', { href: `#/bia/processes/${encodeURIComponent(p.processId)}` }, p.name), p.critical ? [' ', badge(t('bia.critical'), 'warn')] : null] },
          { label: 'MTPD', value: (p) => duration(p.mtpd) },
          { label: 'RTO', value: (p) => duration(p.rto) },
          { label: t('bia.path'), value: (p) => (p.path || []).map((n) => n.name).join(' → ') },
        ],
        v.processesHit || [],
        t('bia.noImpact'),
      ),
      (v.processesAtRisk || []).length ? h('p', {}, t('bia.atRisk'), ' ', v.processesAtRisk.map((n) => n.name).join(', ')) : null,
    ];
  });
}

// Building blocks of the pages: sections, tables, forms whose problems land next to their fields,
// clocks that tick, and readable problems.
import { h, fill, uid } from './dom.js';
import { t, formatDuration, formatCountdown, formatDateTime } from './i18n.js';

export function heading(text) {
  return h('h1', { tabindex: '-1', id: 'page-title' }, text);
}

/** A titled section; `body` may be filled later (`fill(section.body, …)`). */
export function section(title, ...content) {
  const id = uid('s');
  const body = h('div', { class: 'section-body' }, content);
  const el = h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), body);
  el.body = body;
  return el;
}

/** Loads into a section, showing "loading", then the content or the problem. */
export async function load(sectionEl, loader) {
  fill(sectionEl.body, h('p', { class: 'muted' }, t('loading')));
  try {
    const content = await loader();
    fill(sectionEl.body, content);
  } catch (e) {
    fill(sectionEl.body, problem(e));
  }
}

/** A problem (RFC 9457) in words: title, detail and the fields it names. */
export function problem(e) {
  if (e && e.status === 403) {
    return h('p', { class: 'muted' }, t('notForYourRole'));
  }
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('p', {}, h('strong', {}, e?.title || t('somethingWentWrong'))),
    e?.detail ? h('p', {}, e.detail) : null,
    e?.errors?.length
      ? h('ul', {}, e.errors.map((f) => h('li', {}, f.field ? `${f.field}: ` : '', f.message || '')))
      : null,
  );
}

export function table(caption, columns, rows, empty) {
  if (!rows.length) return h('p', { class: 'muted' }, empty || t('none'));
  // A wide table scrolls on its own; the region is focusable so the keyboard can scroll it too.
  return h(
    'div',
    { class: 'table-wrap', role: caption ? 'region' : null, 'aria-label': caption || null, tabindex: caption ? '0' : null },
    h(
      'table',
      {},
      caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, c.value(row)))))),
    ),
  );
}

/** A live clock to `due` (ISO instant); ticks with the others (see tickClocks). */
export function clock(due, settled) {
  if (!due) return '—';
  const el = h('span', { class: 'clock', dataset: { due } });
  if (settled) {
    el.classList.add('settled');
    el.textContent = t('settled');
    delete el.dataset.due;
    return el;
  }
  updateClock(el, Date.now());
  return el;
}

function updateClock(el, now) {
  const seconds = Math.round((Date.parse(el.dataset.due) - now) / 1000);
  const breached = seconds < 0;
  el.classList.toggle('breached', breached);
  el.classList.toggle('soon', !breached && seconds < 3600);
  el.textContent = breached
    ? t('overdueBy', { d: formatCountdown(-seconds) })
    : t('remaining', { d: formatCountdown(seconds) });
}

export function tickClocks() {
  const now = Date.now();
  document.querySelectorAll('.clock[data-due]').forEach((el) => updateClock(el, now));
}

export function when(iso) {
  return iso ? h('time', { datetime: iso }, formatDateTime(iso)) : '—';
}

export function duration(iso) {
  return iso ? h('span', { title: iso }, formatDuration(iso)) : '—';
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind || ''}` }, text);
}

/**
 * A form. fields: [{name, label, type: text|textarea|select|checkbox|datetime|number|lines,
 * options: [[value, label]], required, value, hint}]. onSubmit(values) may throw an ApiError;
 * its field errors are shown next to the fields they name, the rest above the button.
 */
export function form(fields, submitLabel, onSubmit, options = {}) {
  const controls = {};
  const errors = {};
  const summary = h('div', { class: 'form-problem', tabindex: '-1' });
  const el = h('form', { class: 'form', novalidate: true, 'aria-label': options.label || submitLabel });
  for (const f of fields) {
    const id = uid(`f-${f.name.replace(/\W/g, '')}`);
    const errId = `${id}-error`;
    const hintId = f.hint ? `${id}-hint` : null;
    let control;
    const common = { id, name: f.name, 'aria-describedby': [hintId, errId].filter(Boolean).join(' ') };
    if (f.type === 'textarea' || f.type === 'lines') {
      control = h('textarea', { ...common, rows: f.rows || 3, required: f.required }, f.value || '');
    } else if (f.type === 'select') {
      control = h(
        'select',
        { ...common, required: f.required },
        f.options.map(([value, label]) => h('option', { value, selected: value === f.value }, label)),
      );
    } else if (f.type === 'checkbox') {
      control = h('input', { ...common, type: 'checkbox', checked: Boolean(f.value) });
    } else {
      const type = f.type === 'datetime' ? 'datetime-local' : f.type || 'text';
      control = h('input', { ...common, type, required: f.required, value: f.value ?? '', step: f.step });
    }
    controls[f.name] = { control, field: f };
    errors[f.name] = h('p', { class: 'field-error', id: errId });
    const label = h('label', { for: id }, f.label, f.required ? h('span', { 'aria-hidden': 'true' }, ' *') : null);
    el.appendChild(
      h(
        'div',
        { class: `field field-${f.type || 'text'}` },
        f.type === 'checkbox' ? [control, label] : [label, control],
        f.hint ? h('p', { class: 'hint', id: hintId }, f.hint) : null,
        errors[f.name],
      ),
    );
  }
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  el.append(summary, h('div', { class: 'actions' }, button));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(summary);
    for (const name of Object.keys(errors)) {
      fill(errors[name]);
      controls[name].control.removeAttribute('aria-invalid');
    }
    const values = {};
    const missing = [];
    for (const [name, { control, field }] of Object.entries(controls)) {
      let value = field.type === 'checkbox' ? control.checked : control.value.trim();
      if (field.type === 'lines') value = value.split('\n').map((s) => s.trim()).filter(Boolean);
      if (field.type === 'datetime' && value) value = new Date(value).toISOString();
      if (field.type === 'number' && value !== '') value = Number(value);
      if (field.required && (value === '' || (Array.isArray(value) && !value.length))) missing.push(name);
      values[name] = value;
    }
    if (missing.length) {
      for (const name of missing) showError(name, t('required'));
      controls[missing[0]].control.focus();
      return;
    }
    button.disabled = true;
    try {
      await onSubmit(values);
      if (options.reset !== false) el.reset();
    } catch (e) {
      const unplaced = [];
      for (const f of e?.errors || []) {
        const name = Object.keys(controls).find((n) => f.field === n || f.field?.startsWith(`${n}.`) || f.field?.startsWith(`${n}[`) || (options.fieldMap && options.fieldMap(f.field) === n));
        if (name) showError(name, f.message);
        else unplaced.push(f);
      }
      fill(summary, problem({ ...e, errors: unplaced }));
      const firstInvalid = el.querySelector('[aria-invalid="true"]');
      (firstInvalid || summary).focus?.();
    } finally {
      button.disabled = false;
    }
  });

  function showError(name, message) {
    fill(errors[name], message);
    controls[name].control.setAttribute('aria-invalid', 'true');
  }
  return el;
}

/** Says something to screen-reader users without moving focus. */
export function announce(text) {
  const el = document.getElementById('announcer');
  if (el) {
    el.textContent = '';
    setTimeout(() => {
      el.textContent = text;
    }, 50);
  }
}

/** The value of a datetime-local input for an instant (local time, minutes). */
export function localInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

// The one way the console talks to Herstel: the public API under /api on this origin, with the
// signed-in user's bearer token. Errors are RFC 9457 problems; list answers may be plain arrays or
// pages ({items, next, total}) while the API moves to pages.
import { session } from './auth.js';

/** A refused request: the problem's title, detail and field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  const token = session()?.token;
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function problemOf(response) {
  try {
    const body = await response.json();
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}

/** GET/POST/PUT/PATCH/DELETE path (under /api, or an absolute `next` link) with a JSON body. */
export async function call(method, path, body, options = {}) {
  const url = path.startsWith('http') || path.startsWith('/api') ? path : `/api${path}`;
  const extra = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (options.ifMatch) extra['If-Match'] = options.ifMatch;
  const response = await fetch(url, {
    method,
    headers: headers(extra),
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const value = type.includes('json') ? await response.json() : await response.text();
  if (options.withEtag) return { value, etag: response.headers.get('ETag') };
  return value;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body, options) => call('POST', path, body === undefined ? {} : body, options);
export const put = (path, body, options) => call('PUT', path, body, options);

/**
 * GETs path until it answers: what was just created is readable a moment later (the read model
 * follows the write), so a 404 is retried for up to `patience` ms.
 */
export async function settled(path, patience = 10000) {
  const until = Date.now() + patience;
  for (;;) {
    try {
      return await get(path);
    } catch (e) {
      if (e.status !== 404 || Date.now() > until) throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The items of a list answer, a plain array or a page, following `next` up to `max` items. */
export async function list(path, max = 500) {
  let answer = await get(path);
  if (Array.isArray(answer)) return answer.slice(0, max);
  const items = [...(answer?.items || [])];
  while (answer?.next && items.length < max) {
    answer = await get(answer.next);
    items.push(...(answer?.items || []));
  }
  return items.slice(0, max);
}

/** Fetches a document (a PDF) with the token and lets the browser save it. */
export async function download(path, filename) {
  const response = await fetch(`/api${path}`, { headers: headers({ Accept: '*/*' }), credentials: 'omit' });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Follows a server-sent event stream with the bearer token in the Authorization header (fetch
 * streams the answer; EventSource cannot send headers, and a token in the URL would end up in
 * logs). Reconnects with Last-Event-ID after an interruption. Returns a function that stops it.
 */
export function follow(path, onEvent, onState = () => {}) {
  const controller = new AbortController();
  let lastEventId = null;
  let stopped = false;

  async function connect() {
    while (!stopped) {
      try {
        const h = headers({ Accept: 'text/event-stream' });
        if (lastEventId !== null) h['Last-Event-ID'] = lastEventId;
        const response = await fetch(`/api${path}`, { headers: h, signal: controller.signal, credentials: 'omit' });
        if (!response.ok || !response.body) throw new ApiError(response.status, {});
        onState('live');
        await read(response.body.getReader());
      } catch (e) {
        if (stopped) return;
        if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
          onState('off');
          return;
        }
      }
      if (stopped) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { id: null, name: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
        if (line === '') {
          if (event.data.length || event.id !== null) {
            if (event.id !== null) lastEventId = event.id;
            onEvent({ id: event.id, name: event.name, data: event.data.join('\n') });
          }
          event = { id: null, name: 'message', data: [] };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') event.id = val;
          else if (field === 'event') event.name = val;
          else if (field === 'data') event.data.push(val);
        }
      }
    }
  }

  connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

// Sign-in with OpenID Connect's authorization-code flow and PKCE (S256). The settings come from the
// gateway (/api/console/config), so a production identity provider is a matter of configuration.
// The token lives in this tab's sessionStorage only: never in a cookie, never in a URL once the
// code is exchanged.

const TOKEN = 'herstel.token';
const PENDING = 'herstel.signin';

let config = null;

export async function loadConfig() {
  const response = await fetch('/api/console/config', { headers: { Accept: 'application/json' }, credentials: 'omit' });
  config = response.ok ? await response.json() : {};
  return config;
}

export function signInConfigured() {
  return Boolean(config?.authorizationEndpoint && config?.tokenEndpoint);
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n) {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

function redirectUri() {
  return `${location.origin}/`;
}

/** Goes to the identity provider's login page; comes back to the page the user was on. */
export async function signIn() {
  const verifier = random(32);
  const state = random(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash || '#/' }));
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope || 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * Back from the identity provider with ?code=…&state=…: exchanges the code, keeps the token,
 * and removes code and state from the address bar. Returns an error message or null.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/${pending?.hash || '#/'}`);
  if (params.has('error')) return params.get('error_description') || params.get('error');
  if (!pending || pending.state !== params.get('state')) return 'state';
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
    credentials: 'omit',
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) return body.error_description || body.error || `HTTP ${response.status}`;
  sessionStorage.setItem(TOKEN, body.access_token);
  return null;
}

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      atob(part)
        .split('')
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    );
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The signed-in user: token, name and roles (the token's groups), or null. */
export function session() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  const c = claims(token);
  if (!c || (c.exp && c.exp * 1000 < Date.now())) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return {
    token,
    name: c.preferred_username || c.upn || c.sub || '?',
    roles: Array.isArray(c.groups) ? c.groups : [],
  };
}

/** Whether the user holds one of the roles (the API decides; this only hides what would fail). */
export function can(...roles) {
  const s = session();
  return Boolean(s && roles.some((r) => s.roles.includes(r)));
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  if (config?.endSessionEndpoint) {
    const url = new URL(config.endSessionEndpoint);
    url.searchParams.set('post_logout_redirect_uri', redirectUri());
    url.searchParams.set('client_id', config.clientId);
    location.assign(url.toString());
  }
}

// The one way the UI talks to the host: the browser's fetch with the session cookie, the CSRF header on every
// request that changes something, and RFC 9457 problems turned into errors that say what went wrong and which
// field is at fault. Amounts in answers stay decimal strings (see readJson).

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A refused request: the problem's status, its readable text and the fields at fault. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    const fields = (problem && Array.isArray(problem.errors) ? problem.errors : [])
      .map((error) => ({ field: String(error.field ?? ''), message: String(error.message ?? '') }));
    const detail = (problem && (problem.detail || problem.title)) || `HTTP ${status}`;
    super([detail, ...fields.map((error) => `${error.field}: ${error.message}`)].join('\n'));
    this.status = status;
    this.problem = problem || {};
    this.fields = fields;
  }
}

/**
 * JSON with every number that has a decimal point kept as its decimal text ("19.00"), so that amounts are never
 * rounded through a float; whole numbers (counts, pages) stay numbers.
 */
export function readJson(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value === 'number' && context && typeof context.source === 'string' && /[.eE]/.test(context.source)) {
      return context.source;
    }
    return value;
  });
}

export function createApi({ csrfToken, onUnauthenticated }) {
  /** fetch for a path of this host, credentials and CSRF header added; resolves to the Response. */
  async function request(path, init = {}) {
    const method = (init.method || 'GET').toUpperCase();
    const headers = new Headers(init.headers || {});
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const token = csrfToken();
    if (!SAFE_METHODS.has(method) && token) headers.set('X-CSRF-Token', token);
    const response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
    if (response.status === 401 && !path.startsWith('/api/v1/session')) onUnauthenticated();
    return response;
  }

  async function problemOf(response) {
    const text = await response.text().catch(() => '');
    let body = null;
    try {
      body = text ? readJson(text) : null;
    } catch (notJson) {
      body = { detail: `HTTP ${response.status} ${response.statusText}` };
    }
    return new ApiProblem(response.status, body);
  }

  /** The answer's JSON body, or an ApiProblem. A JSON body is sent with its Content-Type. */
  async function json(path, { method = 'GET', body, headers = {} } = {}) {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
    const response = await request(path, init);
    if (!response.ok) throw await problemOf(response);
    const text = await response.text();
    return text ? readJson(text) : null;
  }

  /**
   * POSTs a file as application/octet-stream, calling onProgress(sent, total) as its bytes go out (fetch cannot
   * report upload progress); resolves to {status, body} or {status, problem}.
   */
  function upload(path, file, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      const token = csrfToken();
      if (token) xhr.setRequestHeader('X-CSRF-Token', token);
      xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
      xhr.addEventListener('error', () => reject(new Error('the upload was interrupted')));
      xhr.addEventListener('load', () => {
        if (xhr.status === 401) onUnauthenticated();
        let body = null;
        try {
          body = xhr.responseText ? readJson(xhr.responseText) : null;
        } catch (notJson) {
          body = null;
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve({ status: xhr.status, body });
        else resolve({ status: xhr.status, problem: new ApiProblem(xhr.status, body) });
      });
      xhr.send(file);
    });
  }

  return { fetch: request, json, problemOf, upload };
}

/** A key for Idempotency-Key: one per thing the person means to do once. */
export function idempotencyKey() {
  return crypto.randomUUID();
}

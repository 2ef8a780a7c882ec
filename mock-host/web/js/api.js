// The host's JSON API. Every call sends the session cookie; errors become ApiError with the
// server's {code, message, field} and the HTTP status.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

async function request(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'The host cannot be reached. Is mock-host still running?');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    const error = (data && data.error) || {};
    throw new ApiError(response.status, error.code || String(response.status),
      error.message || `The host answered ${response.status}.`, error.field || '');
  }
  return data;
}

export const api = {
  login: (login, password) => request('POST', '/api/login', { login, password }),
  logout: () => request('POST', '/api/logout', {}),
  me: () => request('GET', '/api/me'),
  tools: () => request('GET', '/api/tools'),
  job: (id) => request('GET', `/api/jobs/${encodeURIComponent(id)}`),
  cancelJob: (id) => request('POST', `/api/jobs/${encodeURIComponent(id)}/cancel`, {}),
  action: (toolId, name, body = {}) =>
    request('POST', `/api/tools/${encodeURIComponent(toolId)}/actions/${encodeURIComponent(name)}`, body),
};

export const TOOL_ID = 'import-customers';

/** The URL of a streamed action of the tool (an export): the browser saves it as it arrives. */
export function streamUrl(name, body = {}) {
  return `/api/tools/${encodeURIComponent(TOOL_ID)}/streams/${encodeURIComponent(name)}?body=${encodeURIComponent(JSON.stringify(body))}`;
}

/** A call of the Import Customers Tool's action. */
export function tool(name, body = {}) {
  return api.action(TOOL_ID, name, body);
}

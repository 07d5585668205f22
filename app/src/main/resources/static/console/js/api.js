// The console's one way to the API: the bearer token from sessionStorage in a header, never in a URL.

const TOKEN = 'crm.console.token';
const USER = 'crm.console.user';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  user: () => JSON.parse(sessionStorage.getItem(USER) || 'null'),
  privileged: () => ['admin', 'auditor'].includes(session.user()?.role),
  start(token, user) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify({id: user.id, name: user.name, role: user.role}));
  },
  end() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  },
};

/** A refused or failed call, with the problem+json the API answered when there was one. */
export class ApiError extends Error {
  constructor(status, message, fieldErrors = []) {
    super(message);
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

let signedOut = () => {};

/** What to do when the API answers 401: the token is unknown, revoked, or its user deactivated. */
export function onSignedOut(handler) {
  signedOut = handler;
}

async function request(path, accept, token) {
  let response;
  try {
    response = await fetch(path, {
      headers: {Authorization: `Bearer ${token}`, Accept: accept},
      cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  if (response.ok) return response;
  let problem = null;
  try {
    problem = await response.json();
  } catch (e) {
    // not problem+json (a proxy's page): the status says enough
  }
  throw new ApiError(response.status, describe(response.status, problem), problem?.errors || []);
}

function describe(status, problem) {
  if (status === 403) return 'Your role may not see this (audit log and chain: admin and auditor only).';
  if (status === 404) return problem?.detail || 'There is no such record.';
  if (status === 429) return 'Too many requests for this token just now. Wait a moment and try again.';
  if (status === 503) return 'The server cannot reach its database right now. Try again in a moment.';
  return problem?.detail || problem?.title || `The server answered ${status}.`;
}

/** GET as the signed-in user; a 401 ends the session. */
export async function get(path, accept = 'application/json') {
  const token = session.token();
  if (!token) {
    signedOut();
    throw new ApiError(401, 'Not signed in.');
  }
  try {
    const response = await request(path, accept, token);
    return accept === 'application/json' ? response.json() : response.blob();
  } catch (e) {
    if (e.status === 401) {
      session.end();
      signedOut('Your token was refused: it may have been revoked, or its user deactivated. Sign in again.');
    }
    throw e;
  }
}

/** Checks a token before keeping it: who it belongs to. */
export async function whoIs(token) {
  const response = await request('/api/users/me/', 'application/json', token);
  return response.json();
}

/** A query string from the given parameters, leaving out the empty ones. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

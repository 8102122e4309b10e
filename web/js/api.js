// Calls to the vnpress HTTP API, all on the page's own origin.

/** An API failure with a Vietnamese message fit to show the reader. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function getJson(path, signal) {
  let response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối và thử lại.', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body.message === 'string' ? ` (${body.message})` : '';
    if (response.status === 404) throw new ApiError(`Không tìm thấy văn bản này${detail}.`, 404);
    throw new ApiError(`Máy chủ báo lỗi ${response.status}${detail}. Vui lòng thử lại sau.`, response.status);
  }
  if (body === null) throw new ApiError('Máy chủ trả về dữ liệu không hợp lệ. Vui lòng thử lại sau.', response.status);
  return body;
}

/** GET /api/search with an already built query string. */
export function search(queryString, signal) {
  return getJson(`/api/search?${queryString}`, signal);
}

/** GET /api/documents/{id}. */
export function getDocument(id, signal) {
  return getJson(`/api/documents/${encodeURIComponent(id)}`, signal);
}

/** GET /api/health. */
export function health(signal) {
  return getJson('/api/health', signal);
}

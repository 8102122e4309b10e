// Calls to the vnpress HTTP API, all on the page's own origin.

/** An API failure with a Vietnamese message fit to show the reader. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

// Vietnamese has letters no English sentence uses: a server message with them can be shown as it is.
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** What a refused search means, in Vietnamese: the API's own messages are English. */
function badRequestMessage(message) {
  const m = String(message || '');
  if (/words/i.test(m)) return 'Từ khóa có quá nhiều từ. Vui lòng rút gọn nội dung tìm kiếm.';
  if (/q must not exceed|too long|characters/i.test(m)) return 'Từ khóa quá dài (tối đa 1.000 ký tự). Vui lòng rút gọn nội dung tìm kiếm.';
  if (/page|cursor/i.test(m)) return 'Không mở được trang kết quả này. Hãy quay về trang đầu hoặc thu hẹp tìm kiếm bằng bộ lọc.';
  if (/date/i.test(m)) return 'Ngày đã chọn không hợp lệ. Vui lòng chọn lại khoảng thời gian.';
  if (/document number/i.test(m)) return 'Đây không phải là một số văn bản (ví dụ 15-NQ/TW).';
  if (/name is required/i.test(m)) return 'Chưa có tên người cần xem.';
  if (/number is required/i.test(m)) return 'Chưa có số văn bản cần xem (ví dụ 15-NQ/TW).';
  return 'Yêu cầu tìm kiếm không hợp lệ. Vui lòng kiểm tra lại từ khóa và bộ lọc.';
}

function errorMessage(status, body, notFound) {
  const serverMessage = body && typeof body.message === 'string' ? body.message : '';
  // an English message that quotes what was typed (Vietnamese letters and all) is still English
  if (status === 400 && /^(not a document number|number is required|name is required)/.test(serverMessage)) return badRequestMessage(serverMessage);
  if (serverMessage && VIETNAMESE.test(serverMessage)) return `Máy chủ báo lỗi ${status}: ${serverMessage}`;
  if (status === 404) return notFound;
  if (status === 400) return badRequestMessage(serverMessage);
  if (status === 503) return 'Máy chủ tìm kiếm tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.';
  if (status === 414 || status === 431) return 'Nội dung tìm kiếm quá dài. Vui lòng rút gọn.';
  if (status >= 500) return `Máy chủ báo lỗi ${status}. Vui lòng thử lại sau.`;
  return `Máy chủ báo lỗi ${status}. Vui lòng thử lại.`;
}

async function getJson(path, signal, notFound = 'Không tìm thấy nội dung yêu cầu.') {
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
  if (!response.ok) throw new ApiError(errorMessage(response.status, body, notFound), response.status);
  if (body === null) throw new ApiError('Máy chủ trả về dữ liệu không hợp lệ. Vui lòng thử lại sau.', response.status);
  return body;
}

/** GET /api/search with an already built query string. */
export function search(queryString, signal) {
  return getJson(`/api/search?${queryString}`, signal);
}

/** GET /api/suggest: completions of what is being typed. */
export function suggest(prefix, signal) {
  return getJson(`/api/suggest?${new URLSearchParams({ q: prefix, limit: '8' })}`, signal);
}

/** GET /api/documents/{id}. */
export function getDocument(id, signal) {
  return getJson(`/api/documents/${encodeURIComponent(id)}`, signal, 'Không tìm thấy văn bản này: có thể địa chỉ bị sai, hoặc văn bản đã bị gỡ khỏi chỉ mục.');
}

/** GET /api/citations: a document number, the document itself when indexed, and the releases citing it. */
export function citations(number, edition, page, signal) {
  const p = new URLSearchParams({ number, page: String(page || 1), size: '20' });
  if (edition) p.set('edition', edition);
  return getJson(`/api/citations?${p}`, signal, 'Không tìm thấy văn bản này.');
}

/** GET /api/people: one official's posts over time and the releases naming them. */
export function person(name, page, signal) {
  const p = new URLSearchParams({ name, page: String(page || 1), size: '20' });
  return getJson(`/api/people?${p}`, signal, 'Không tìm thấy người này.');
}

/** GET /api/health. */
export function health(signal) {
  return getJson('/api/health', signal);
}

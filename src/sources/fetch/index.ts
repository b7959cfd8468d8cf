/** The shared HTTP client and its helpers. */
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type FetchRequestOptions,
} from './http-client.js';
export { decodeResponseText, parseRetryAfter, type FetchResponse } from './response.js';
export { decodeText, normalizeCharset, type DecodedText } from './charset.js';
export { FetchError, FETCH_ERROR_KINDS, type FetchErrorKind } from './fetch-error.js';
export { isPrivateAddress } from './private-address.js';
